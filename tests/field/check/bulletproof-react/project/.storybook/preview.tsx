import React from 'react';
import { BrowserRouter as Router } from 'react-router';
import '../src/index.css';












