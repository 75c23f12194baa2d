import React from 'react';

import Circle from './Circle';
import Wrapper from './Wrapper';



















