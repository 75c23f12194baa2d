const socket = require('socket.io-client')('ws://nginx');












