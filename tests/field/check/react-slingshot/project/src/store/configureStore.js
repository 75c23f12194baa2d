import {createStore, compose, applyMiddleware} from 'redux';
import reduxImmutableStateInvariant from 'redux-immutable-state-invariant';
import thunk from 'redux-thunk';
import { createBrowserHistory } from "history";

import { connectRouter, routerMiddleware } from 'connected-react-router';
import createRootReducer from '../reducers';














































      const nextRootReducer = require('../reducers').default; // eslint-disable-line global-require










