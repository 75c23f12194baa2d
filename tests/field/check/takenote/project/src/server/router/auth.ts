import express from 'express'
import * as dotenv from 'dotenv'

import authHandler from '../handlers/auth'
import checkAuth from '../middleware/checkAuth'









