


  module.exports = require('./dist/pinia.prod.cjs')

  module.exports = require('./dist/pinia.cjs')

