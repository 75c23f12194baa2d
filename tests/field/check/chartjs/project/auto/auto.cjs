const chartjs = require('../dist/chart.cjs');





