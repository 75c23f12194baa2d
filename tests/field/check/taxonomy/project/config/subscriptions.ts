import { SubscriptionPlan } from "types"
import { env } from "@/env.mjs"













