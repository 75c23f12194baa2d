import React from "react";
import { connect } from "react-redux";
import { getFormState } from "./finalFormDuck";








