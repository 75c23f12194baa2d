import { $ as $imported } from "jquery";
import { $ as $slimImported } from "jquery/slim";

import { jQueryFactory as jQueryFactoryImported } from "jquery/factory";
import { jQueryFactory as jQueryFactorySlimImported } from "jquery/factory-slim";

import {
	$required,
	$slimRequired,
	jQueryFactoryRequired,
	jQueryFactorySlimRequired
} from "./jquery-require.cjs";


























