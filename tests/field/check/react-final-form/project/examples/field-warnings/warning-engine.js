import React from "react";
import { FormSpy } from "react-final-form";














