

import http from 'http'

let app = require('./server').default



















    try {
      app = require('./server').default



    } catch (error) {

    }


