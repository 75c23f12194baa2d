import React from 'react';
import '../styles/globals.css';






