const argv = require('./argv');


