const expect = require("expect.js");
const eio = require("../");
























