const fs = require("fs-extra")
const path = require("path")
const execa = require("execa")







