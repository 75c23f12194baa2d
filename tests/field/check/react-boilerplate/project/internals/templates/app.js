







import '@babel/polyfill';


import React from 'react';
import ReactDOM from 'react-dom';
import { Provider } from 'react-redux';
import { ConnectedRouter } from 'connected-react-router';
import history from 'utils/history';
import 'sanitize.css/sanitize.css';


import App from 'containers/App';


import LanguageProvider from 'containers/LanguageProvider';



import '!file-loader?name=[name].[ext]!./images/favicon.ico';
import 'file-loader?name=.htaccess!./.htaccess';


import configureStore from './configureStore';


import { translationMessages } from './i18n';































  new Promise(resolve => {
    resolve(import('intl'));
  })
    .then(() => Promise.all([import('intl/locale-data/jsonp/en.js')]))
    .then(() => render(translationMessages))
    .catch(err => {










  require('offline-plugin/runtime').install(); // eslint-disable-line global-require

