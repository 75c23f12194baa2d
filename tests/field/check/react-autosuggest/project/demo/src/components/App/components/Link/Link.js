import styles from './Link.less';

import React from 'react';
import PropTypes from 'prop-types';



























