import { Request, Response, NextFunction } from 'express'














