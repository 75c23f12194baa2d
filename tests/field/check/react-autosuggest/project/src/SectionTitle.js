import React, { Component } from 'react';
import PropTypes from 'prop-types';
import compareObjects from './compareObjects';




























