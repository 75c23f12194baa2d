import * as api from '$lib/api.js';
import { page_size } from '$lib/constants.js';



















