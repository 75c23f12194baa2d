const { createServer } = require("node:http");
const { NodeClusterEngine } = require("../dist/cluster");














