
var exec = require('child_process').exec;








