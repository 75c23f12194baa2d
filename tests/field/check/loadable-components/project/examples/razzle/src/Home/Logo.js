import React from 'react'
import logo from './react.svg'




