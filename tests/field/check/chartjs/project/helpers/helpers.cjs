module.exports = require('../dist/helpers.cjs');
