

import * as AspectRatioPrimitive from "@radix-ui/react-aspect-ratio"




