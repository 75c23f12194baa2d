




const express = require('express');

const server = require('http').createServer(app);
const enchilada = require('enchilada');
const io = require('engine.io').attach(server);











  res.sendFile(require.resolve('engine.io-client/dist/engine.io.min.js'));












