const env = require("./support/env");





  require("./node");


require("./engine.io-client");
require("./socket");
require("./transport");
require("./connection");
require("./xmlhttprequest");
require("./parseuri");


  require("./arraybuffer");

  require("./binary-fallback");




  require("./blob");

