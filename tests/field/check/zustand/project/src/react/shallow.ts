import React from 'react'
import { shallow } from '../vanilla/shallow.ts'










