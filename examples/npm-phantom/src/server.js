const kit = require('server-kit');
const log = require('debug')('orders');   // not declared: hoisted from server-kit
const { readFile } = require('node:fs/promises');
const routes = require('./routes');

module.exports = kit.listen(routes, log);
