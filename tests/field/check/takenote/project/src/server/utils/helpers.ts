import axios from 'axios'

import { Method } from './enums'













