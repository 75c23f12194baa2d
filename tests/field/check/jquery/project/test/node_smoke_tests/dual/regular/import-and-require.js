import assert from "node:assert/strict";
import { JSDOM } from "jsdom";







const { $: $required } = await import( "../lib/jquery-require.cjs" );



