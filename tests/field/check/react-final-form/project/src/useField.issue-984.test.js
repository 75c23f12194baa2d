import * as React from "react";
import { render, waitFor } from "@testing-library/react";
import "@testing-library/jest-dom";
import Form from "./ReactFinalForm";
import { useField } from "./index";



















































