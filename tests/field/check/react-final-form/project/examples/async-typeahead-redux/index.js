import React from "react";
import { render } from "react-dom";
import { Provider } from "react-redux";
import Styles from "./Styles";
import { Form } from "react-final-form";
import setFieldData from "final-form-set-field-data";

import configureStore from "./store";
import GithubUserTypeahead from "./GithubUserTypeahead";





















































