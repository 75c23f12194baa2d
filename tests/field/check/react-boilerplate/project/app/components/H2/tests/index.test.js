import React from 'react';
import { render } from 'react-testing-library';

import H2 from '../index';
















