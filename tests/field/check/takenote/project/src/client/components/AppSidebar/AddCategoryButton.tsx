import React from 'react'
import { Plus } from 'react-feather'

import { iconColor } from '@/utils/constants'























