const chalk = require('chalk');










