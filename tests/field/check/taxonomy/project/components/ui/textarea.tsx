import * as React from "react"

import { cn } from "@/lib/utils"





















