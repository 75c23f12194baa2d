
const socket = require('socket.io-client')('localhost:3001', {});






