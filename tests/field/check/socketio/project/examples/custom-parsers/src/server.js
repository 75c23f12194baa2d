
const express = require('express');

const server = require('http').createServer(app);
const path = require('path');






const io = require('socket.io');
const msgpackParser = require('socket.io-msgpack-parser');
const jsonParser = require('socket.io-json-parser');
const customParser = require('./custom-parser');















































