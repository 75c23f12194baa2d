import React from 'react';
import { render } from 'react-testing-library';

import H3 from '../index';
















