import React from 'react';
import { render } from 'react-testing-library';
import 'jest-dom/extend-expect';

import ListItem from '../index';














