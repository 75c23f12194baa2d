

const assert = require( "node:assert/strict" );








