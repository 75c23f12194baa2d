const fs = require('fs')
const path = require('path')
const LRU = require('lru-cache')
const express = require('express')
const favicon = require('serve-favicon')
const compression = require('compression')
const microcache = require('route-cache')

const { createBundleRenderer } = require('vue-server-renderer')




  `express/${require('express/package.json').version} ` +
  `vue-server-renderer/${require('vue-server-renderer/package.json').version}`

























  const bundle = require('./dist/vue-ssr-server-bundle.json')



  const clientManifest = require('./dist/vue-ssr-client-manifest.json')







  readyPromise = require('./build/setup-dev-server')(





































































