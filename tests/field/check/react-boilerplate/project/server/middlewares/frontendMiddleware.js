








    const addProdMiddlewares = require('./addProdMiddlewares');


    const webpackConfig = require('../../internals/webpack/webpack.dev.babel');
    const addDevMiddlewares = require('./addDevMiddlewares');





