const fs = require('fs');


