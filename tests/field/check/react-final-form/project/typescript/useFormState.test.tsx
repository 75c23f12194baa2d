import { useFormState } from "react-final-form";
import { FormState } from "final-form";



















