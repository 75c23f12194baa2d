module.exports = require('./Autosuggest').default;
