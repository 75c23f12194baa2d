import { createContext } from '../../../src/helpers/helpers.options.js';









