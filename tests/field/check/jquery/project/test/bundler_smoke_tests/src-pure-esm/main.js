import { $ } from "jquery";
import { $ as $slim } from "jquery/slim";

import { jQueryFactory } from "jquery/factory";
import { jQueryFactory as jQueryFactorySlim } from "jquery/factory-slim";

















