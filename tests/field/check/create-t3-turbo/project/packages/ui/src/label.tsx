

import { Label as LabelPrimitive } from "radix-ui";

import { cn } from "@acme/ui";
















