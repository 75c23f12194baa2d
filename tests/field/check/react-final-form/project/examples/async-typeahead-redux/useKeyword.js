import { useForm, useField } from "react-final-form";
import { propOr } from "ramda";














