const env = require("../support/env");

require("./polling.js");

  require("./ws.js");

