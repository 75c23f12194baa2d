import { conformsTo, isFunction, isObject } from 'lodash';
import invariant from 'invariant';



















