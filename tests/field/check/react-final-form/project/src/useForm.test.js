import React from "react";
import { render, cleanup } from "@testing-library/react";
import "@testing-library/jest-dom";
import { ErrorBoundary } from "./testUtils";
import Form from "./ReactFinalForm";
import { useForm } from "./index";






























































