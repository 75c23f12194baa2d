const expect = require("expect.js");
const parser = require("../build/parser-v3/index.js");




















