import express from 'express'

import authRoutes from './auth'
import syncRoutes from './sync'







