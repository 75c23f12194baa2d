


const typescriptEslintParser = require("@typescript-eslint/parser");





                parser: require.resolve("@typescript-eslint/parser"),


















