import Stripe from "stripe"

import { env } from "@/env.mjs"





