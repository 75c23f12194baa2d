


const yargs = require('yargs')
const execa = require('execa')
const path = require('path')
const fs = require('fs')
const chalk = require('chalk')
const CodemodError = require('./utils/CodemodError')

const jscodeshiftExecutable = require.resolve('.bin/jscodeshift')































































