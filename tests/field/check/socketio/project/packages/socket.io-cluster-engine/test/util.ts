import expect = require("expect.js");
















