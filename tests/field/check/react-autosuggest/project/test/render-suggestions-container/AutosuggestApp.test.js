import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  childrenMatcher,
  containerPropsMatcher,
  getInnerHTML,
  getElementWithClass,
  setInputValue
} from '../helpers';
import AutosuggestApp, { renderSuggestionsContainer } from './AutosuggestApp';
























