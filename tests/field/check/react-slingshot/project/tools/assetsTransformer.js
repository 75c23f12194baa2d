






const path = require('path');






