import React from 'react'
import { Context } from './sharedInternals.js'






