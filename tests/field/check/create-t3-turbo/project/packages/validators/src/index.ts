import { z } from "zod/v4";







