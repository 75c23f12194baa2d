

import { Separator as SeparatorPrimitive } from "radix-ui";

import { cn } from "@acme/ui";




















