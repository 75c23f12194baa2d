import React from 'react';
import TestUtils from 'react-dom/test-utils';
import {
  init,
  expectInputAttribute,
  expectInputReferenceToBeSet
} from '../helpers';
import AutosuggestApp from './AutosuggestApp';
















