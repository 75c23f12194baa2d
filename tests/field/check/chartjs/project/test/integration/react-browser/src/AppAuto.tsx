import React, {useEffect} from 'react';
import Chart from 'chart.js/auto';
import {merge} from 'chart.js/helpers';






























