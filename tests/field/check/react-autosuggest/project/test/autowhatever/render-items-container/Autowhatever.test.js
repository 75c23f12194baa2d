import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import {
  init,
  getItemsContainerAttribute,
  getElementWithClass,
} from '../autowhatever-helpers';
import { childrenMatcher, containerPropsMatcher } from '../../helpers';
import AutowhateverApp, { renderItemsContainer } from './AutowhateverApp';

























