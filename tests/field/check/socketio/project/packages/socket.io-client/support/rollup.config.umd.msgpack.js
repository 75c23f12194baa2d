const base = require("./rollup.config.umd.js")[1];
const alias = require("@rollup/plugin-alias");
const commonjs = require("@rollup/plugin-commonjs");




















