var webpack = require('webpack');
var WebpackDevServer = require('webpack-dev-server');
var openUrl = require('openurl');

var config = require('./webpack.dev.config');

















