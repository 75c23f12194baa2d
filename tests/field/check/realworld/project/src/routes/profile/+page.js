import { redirect } from '@sveltejs/kit';





