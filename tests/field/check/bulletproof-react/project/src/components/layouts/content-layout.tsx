import * as React from 'react';

import { Head } from '../seo';





















