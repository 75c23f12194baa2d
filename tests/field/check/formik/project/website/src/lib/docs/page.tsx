import { getLatestTag } from '../github/api';
import { getRawFileFromRepo } from '../github/raw';
import { removeFromLast } from './utils';
import { TAG, FORCE_TAG } from './config';
import { RouteItem } from '../types';
import util from 'util';
import fs from 'fs';
import { join } from 'path';









































