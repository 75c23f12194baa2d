import * as React from "react";
import { FormSpy, FormSpyRenderProps } from "react-final-form";














