import { env } from "~/env";















