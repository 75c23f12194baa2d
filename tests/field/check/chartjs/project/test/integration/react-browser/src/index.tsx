import React from 'react';
import {render} from 'react-dom';
import App from './App';
import AppAuto from './AppAuto';








