import { createAuthClient } from "better-auth/react";


