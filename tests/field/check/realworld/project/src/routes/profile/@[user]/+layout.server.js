import * as api from '$lib/api.js';








