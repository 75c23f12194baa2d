

const assert = require( "node:assert/strict" );
const { JSDOM } = require( "jsdom" );

const { ensureJQuery } = require( "./ensure_jquery.cjs" );



















