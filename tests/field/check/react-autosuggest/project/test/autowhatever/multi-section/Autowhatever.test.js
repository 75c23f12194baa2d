import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import sections from './sections';
import { init, clickUp, clickDown, clickEnter } from '../autowhatever-helpers';
import { syntheticEventMatcher } from '../../helpers';
import AutowhateverApp, {
  getSectionItems,
  renderSectionTitle,
  onKeyDown,
} from './AutowhateverApp';

























































































