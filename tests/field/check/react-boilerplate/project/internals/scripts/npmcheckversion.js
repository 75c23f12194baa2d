const { exec } = require('child_process');







