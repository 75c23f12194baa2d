const fs = require('fs')
const path = require('path')
const MFS = require('memory-fs')
const webpack = require('webpack')
const chokidar = require('chokidar')
const clientConfig = require('./webpack.client.config')
const serverConfig = require('./webpack.server.config')










































  const devMiddleware = require('webpack-dev-middleware')(clientCompiler, {

















  app.use(require('webpack-hot-middleware')(clientCompiler, { heartbeat: 5000 }))

















