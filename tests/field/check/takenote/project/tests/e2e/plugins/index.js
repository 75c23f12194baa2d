const clipboardy = require('clipboardy')

const cypressTypeScriptPreprocessor = require('./cy-ts-preprocessor')










