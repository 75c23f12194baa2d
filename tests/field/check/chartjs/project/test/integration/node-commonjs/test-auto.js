const Chart = require('chart.js/auto');
const {valueOrDefault} = require('chart.js/helpers');





