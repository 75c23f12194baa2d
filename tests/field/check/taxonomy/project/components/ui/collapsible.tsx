

import * as CollapsiblePrimitive from "@radix-ui/react-collapsible"








