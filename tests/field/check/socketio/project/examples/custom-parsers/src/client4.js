
const customParser = require('./custom-parser');
const socket = require('socket.io-client')('localhost:3004', {








