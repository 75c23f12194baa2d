



const { SpecReporter, StacktraceOption } = require('jasmine-spec-reporter');






















    require('ts-node').register({
      project: require('path').join(__dirname, './tsconfig.json')







