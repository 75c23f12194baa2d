import React from 'react';
import TestUtils from 'react-dom/test-utils';
import { expect } from 'chai';
import { init, getStoredInput, getInputRef } from '../autowhatever-helpers';
import AutowhateverApp from './AutowhateverApp';










