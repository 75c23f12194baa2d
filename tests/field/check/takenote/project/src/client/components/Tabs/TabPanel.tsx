import React from 'react'
import { Icon } from 'react-feather'










