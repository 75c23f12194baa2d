import React from "react";
import { FieldRenderProps } from "react-final-form";








