import assert from "node:assert/strict";
import { JSDOM } from "jsdom";




const { jQueryFactory: factoryRequired } = await import( "../lib/jquery-require-factory.cjs" );










