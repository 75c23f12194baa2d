import {_isDomSupported} from '../helpers/index.js';
import BasePlatform from './platform.base.js';
import BasicPlatform from './platform.basic.js';
import DomPlatform from './platform.dom.js';









