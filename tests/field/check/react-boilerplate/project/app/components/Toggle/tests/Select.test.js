import React from 'react';
import { render } from 'react-testing-library';

import Select from '../Select';























