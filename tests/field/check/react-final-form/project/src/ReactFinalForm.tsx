import * as React from "react";
import {
  createForm,
  formSubscriptionItems,
  version as ffVersion,
} from "final-form";
import type {
  FormApi,
  Config,
  FormSubscription,
  FormState,
  Unsubscribe,
} from "final-form";
import type { FormProps, SubmitEvent } from "./types";
import renderComponent from "./renderComponent";
import useWhenValueChanges from "./useWhenValueChanges";
import useConstant from "./useConstant";
import shallowEqual from "./shallowEqual";
import isSyntheticEvent from "./isSyntheticEvent";
import type { FormRenderProps } from "./types";
import ReactFinalFormContext from "./context";
import { addLazyFormState } from "./getters";
import { version } from "../package.json";
















































































































































































