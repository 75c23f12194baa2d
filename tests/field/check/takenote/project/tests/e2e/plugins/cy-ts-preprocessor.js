const path = require('path')

const wp = require('@cypress/webpack-preprocessor')










      path: require.resolve('path-browserify'), // Needed for cypress-file-upload
      stream: require.resolve('stream-browserify'), // Needed to import utils from client folder























