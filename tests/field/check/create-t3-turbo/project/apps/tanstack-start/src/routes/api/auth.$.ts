import { createFileRoute } from "@tanstack/react-router";

import { auth } from "~/auth/server";









