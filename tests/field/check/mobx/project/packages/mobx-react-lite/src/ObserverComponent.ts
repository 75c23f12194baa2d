import { useObserver } from "./useObserver"
import type { ReactNode } from "react"





















