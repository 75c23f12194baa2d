import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  focusAndSetInputValue,
  clickDown,
  clickEnter,
  expectInputValue,
  clearEvents,
  expectLetBrowserHandleKeyDown,
  expectDontLetBrowserHandleKeyDown
} from '../helpers';
import AutosuggestApp, { onSuggestionSelected } from './AutosuggestApp';



























