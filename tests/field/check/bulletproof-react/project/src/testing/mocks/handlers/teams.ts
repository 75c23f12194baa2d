import { HttpResponse, http } from 'msw';

import { env } from '@/config/env';

import { db } from '../db';
import { networkDelay } from '../utils';
















