const {Chart} = require('chart.js');
const {valueOrDefault} = require('chart.js/helpers');





