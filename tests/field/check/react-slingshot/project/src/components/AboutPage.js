import React from 'react';
import { Link } from 'react-router-dom';
import '../styles/about-page.css';


















