import { env } from '@/config/env';



    const { worker } = await import('./browser');
    const { initializeDb } = await import('./db');




