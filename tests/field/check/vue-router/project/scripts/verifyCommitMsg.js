const chalk = require('chalk')  // eslint-disable-line

const msg = require('fs').readFileSync(msgPath, 'utf-8').trim()















