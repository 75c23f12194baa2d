import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  expectInputValue,
  clickEnter,
  clickDown,
  focusAndSetInputValue,
  clearEvents,
  getEvents
} from '../helpers';
import AutosuggestApp, {
  onChange,
  onSuggestionSelected
} from './AutosuggestApp';





































