const buildConfig = require("../../jest.base.config")









