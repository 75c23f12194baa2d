const sitemap = require('nextjs-sitemap-generator');
const fs = require('fs');












