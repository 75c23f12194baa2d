const componentGenerator = require('./generators/component/index');








