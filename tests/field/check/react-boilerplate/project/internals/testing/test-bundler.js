

import '@babel/polyfill';
