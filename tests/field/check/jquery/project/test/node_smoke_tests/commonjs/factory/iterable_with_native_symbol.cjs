

const process = require( "node:process" );






const { ensureIterability } = require( "../lib/ensure_iterability_es6.cjs" );
const { getJQueryModuleSpecifier } = require( "../lib/jquery-module-specifier.cjs" );



