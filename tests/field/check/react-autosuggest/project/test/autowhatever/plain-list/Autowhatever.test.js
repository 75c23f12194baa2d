import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  getStoredInput,
  getStoredItemsContainer,
  getStoredHighlightedItem,
  getContainerAttribute,
  getInputAttribute,
  getItemsContainerAttribute,
  getItems,
  getItem,
  mouseEnterItem,
  mouseLeaveItem,
  mouseDownItem,
  clickItem,
  getInputRef,
} from '../autowhatever-helpers';
import AutowhateverApp, { renderItem } from './AutowhateverApp';

























































































































