import webpack from 'webpack';

import {webpackConfig} from '../webpack.config';














