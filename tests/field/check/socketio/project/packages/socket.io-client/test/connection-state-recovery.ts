import expect = require("expect.js");
import { io } from "..";
import { wrap, BASE_URL, success } from "./support/util";



























