const env = require("./support/env.js");



























require("./parser.js");


  require("./buffer.js");



  require("./arraybuffer.js");



  require("./blob.js");

