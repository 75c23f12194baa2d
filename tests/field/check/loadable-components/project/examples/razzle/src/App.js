import React from 'react'
import { Router, Link } from '@reach/router'
import loadable from '@loadable/component'
import './App.css'

const NotFound = loadable(() => import('./NotFound'))
const Home = loadable(() => import('./Home'))
const About = loadable(() => import('./About'))
const Contact = loadable(() => import('./Contact'))
















