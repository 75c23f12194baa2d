import React from 'react';
import TestUtils from 'react-dom/test-utils';
import {
  init,
  tick,
  expectSuggestions,
  clickSuggestion,
  clickEnter,
  clickDown,
  setInputValue,
  focusAndSetInputValue
} from '../helpers';
import AutosuggestApp from './AutosuggestApp';

























































