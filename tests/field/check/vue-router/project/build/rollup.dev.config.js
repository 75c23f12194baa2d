const { input, output } = require('./configs')[0]

module.exports = Object.assign({}, input, { output })
