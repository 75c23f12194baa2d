import React from "react";
import { render, cleanup } from "@testing-library/react";
import { ErrorBoundary } from "./testUtils";
import { useFormState, Form } from "./index";












































