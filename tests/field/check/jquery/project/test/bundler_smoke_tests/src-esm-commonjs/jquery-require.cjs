

const $ = require( "jquery" );
const $slim = require( "jquery/slim" );

const { jQueryFactory } = require( "jquery/factory" );
const { jQueryFactory: jQueryFactorySlim } = require( "jquery/factory-slim" );





