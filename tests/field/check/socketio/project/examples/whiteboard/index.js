
const express = require('express');

const http = require('http').Server(app);
const io = require('socket.io')(http);











