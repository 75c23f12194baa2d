import React from 'react'
import loadable from '@loadable/component'
import './Home.css'

const Intro = loadable(() => import('./Intro'))
const Welcome = loadable(() => import('./Welcome'))
const Logo = loadable(() => import('./Logo'))























