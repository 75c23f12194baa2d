import * as api from '$lib/api.js';
import { error, fail } from '@sveltejs/kit';
import { get_articles } from './get_articles';
























