import * as React from "react";
import { render } from "@testing-library/react";
import FormContext from "./context";
import ReactFinalForm from "./ReactFinalForm";







































