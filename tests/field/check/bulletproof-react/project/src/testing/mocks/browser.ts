import { setupWorker } from 'msw/browser';

import { handlers } from './handlers';


