import { SiteConfig } from "types"












