import styles from './GitHub.less';

import React from 'react';
import PropTypes from 'prop-types';

































