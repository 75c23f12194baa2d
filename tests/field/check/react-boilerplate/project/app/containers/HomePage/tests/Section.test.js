import React from 'react';
import { render } from 'react-testing-library';

import Section from '../Section';























