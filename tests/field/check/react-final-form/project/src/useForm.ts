import * as React from "react";
import type { FormApi } from "final-form";
import ReactFinalFormContext from "./context";
















