const babelConfig = require('@istanbuljs/nyc-config-babel');













