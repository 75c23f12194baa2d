import { SECRET } from '../config';
import * as jwt from 'jsonwebtoken';












