





import {LineElement} from '../../elements/index.js';
import {isArray} from '../../helpers/index.js';
import {_pointsFromSegments} from './filler.segment.js';





























