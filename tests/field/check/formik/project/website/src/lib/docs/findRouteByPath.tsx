import { removeFromLast } from './utils';
import { RouteItem } from '../types';












