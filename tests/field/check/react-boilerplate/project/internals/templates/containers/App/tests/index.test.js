import React from 'react';
import ShallowRenderer from 'react-test-renderer/shallow';

import App from '../index';










