

const { JSDOM } = require( "jsdom" );



const { jQueryFactory } = require( "jquery/factory" );











