
const mkdirp = require("mkdirp")


    const fs = require("fs")
    const path = require("path")















const perf = require("./perf.js")



require("tape")(t => {





