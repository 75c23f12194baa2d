import {startServer} from '../server';

import {scripts} from './scripts';
import {styles} from './styles';
import {views} from './views';









