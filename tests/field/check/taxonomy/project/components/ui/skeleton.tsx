import { cn } from "@/lib/utils"














