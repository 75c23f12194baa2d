
const customParser = require('socket.io-json-parser');
const socket = require('socket.io-client')('localhost:3003', {








