import React from 'react'

import loadable from '@loadable/component'
import './main.css'

const A = loadable(() => import('./letters/A'))
const B = loadable(() => import('./letters/B'))


const E = loadable(() => import('./letters/E'), { ssr: false })





const GClient = loadable(() => import('./letters/G'), {



const GServer = loadable(() => import('./letters/G'), {








const Moment = loadable.lib(() => import('moment'))


























