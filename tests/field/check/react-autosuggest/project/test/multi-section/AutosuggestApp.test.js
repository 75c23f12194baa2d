import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import sinon from 'sinon';
import {
  init,
  syntheticEventMatcher,
  getInnerHTML,
  expectContainerAttribute,
  expectInputAttribute,
  expectSuggestions,
  expectHighlightedSuggestion,
  expectSuggestionAttribute,
  getSuggestionsContainerAttribute,
  getTitle,
  clickSuggestion,
  focusInput,
  clickEscape,
  clickEnter,
  clickDown,
  clickUp,
  setInputValue,
  focusAndSetInputValue,
  clickClearButton
} from '../helpers';
import AutosuggestApp, {
  renderSuggestion,
  onSuggestionsFetchRequested,
  onSuggestionSelected,
  onSuggestionHighlighted,
  renderSectionTitle,
  getSectionSuggestions,
  setHighlightFirstSuggestion
} from './AutosuggestApp';













































































































































































































































































































