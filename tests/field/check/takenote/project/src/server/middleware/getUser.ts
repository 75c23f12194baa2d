import { Request, Response, NextFunction } from 'express'

import { SDK } from '../utils/helpers'
import { Method } from '../utils/enums'















