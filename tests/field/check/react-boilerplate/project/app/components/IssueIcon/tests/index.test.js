import React from 'react';
import { render } from 'react-testing-library';

import IssueIcon from '../index';







