const cluster = require("cluster");
const http = require("http");
const { setupMaster } = require("@socket.io/sticky");


























  require("./index");

