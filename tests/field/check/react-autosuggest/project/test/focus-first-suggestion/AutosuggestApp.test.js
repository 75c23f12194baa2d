import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  syntheticEventMatcher,
  expectInputValue,
  expectSuggestions,
  expectHighlightedSuggestion,
  mouseEnterSuggestion,
  mouseLeaveSuggestion,
  focusInput,
  blurInput,
  clickEscape,
  clickEnter,
  clickDown,
  setInputValue,
  focusAndSetInputValue,
} from '../helpers';
import AutosuggestApp, {
  onChange,
  onSuggestionSelected,
  onSuggestionHighlighted,
  setHighlightFirstSuggestion,
} from './AutosuggestApp';












































































































































































