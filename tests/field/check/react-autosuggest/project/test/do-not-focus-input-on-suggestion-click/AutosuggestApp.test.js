import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  syntheticEventMatcher,
  clickSuggestion,
  focusAndSetInputValue,
  isInputFocused,
  mouseUpDocument
} from '../helpers';
import AutosuggestApp, {
  onBlur,
  onSuggestionsClearRequested
} from './AutosuggestApp';



































