import * as api from '$lib/api';
import { page_size } from '$lib/constants';


























