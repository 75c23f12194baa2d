require('./style.css');
