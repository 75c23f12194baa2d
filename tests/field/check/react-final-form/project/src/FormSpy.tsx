import renderComponent from "./renderComponent";
import type { FormSpyProps, FormSpyRenderProps } from "./types";
import isSyntheticEvent from "./isSyntheticEvent";
import useForm from "./useForm";
import useFormState from "./useFormState";




































