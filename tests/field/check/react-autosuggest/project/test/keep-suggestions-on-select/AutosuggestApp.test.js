import {
  clickSuggestion,
  focusAndSetInputValue,
  getSuggestions,
  init,
} from '../helpers';
import TestUtils from 'react-dom/test-utils';
import AutosuggestApp from './AutosuggestApp';
import { expect } from 'chai';
import React from 'react';
























