import gulp from 'gulp';

import {reloadServer, startServer} from './server';
import {scripts} from './tasks/scripts';
import {styles} from './tasks/styles';
import {extAllViews, views} from './tasks/views';

















