import adapter from '@sveltejs/adapter-vercel';












