import * as React from "react";
import type { UseFormStateParams } from "./types";
import type { FormState, FormApi } from "final-form";
import { all } from "./ReactFinalForm";
import useForm from "./useForm";
import { addLazyFormState } from "./getters";
import shallowEqual from "./shallowEqual";




































































