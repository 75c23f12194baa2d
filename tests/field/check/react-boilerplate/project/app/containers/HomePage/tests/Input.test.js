import React from 'react';
import { render } from 'react-testing-library';

import Input from '../Input';























