const bsStatus = require('../browserstack-send-status')
















