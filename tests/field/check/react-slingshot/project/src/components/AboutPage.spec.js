import React from 'react';
import { shallow } from 'enzyme';
import AboutPage from './AboutPage';


























