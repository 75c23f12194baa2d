import React from 'react';
import { render } from 'react-testing-library';

import H1 from '../index';
















