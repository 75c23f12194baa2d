import { auth } from "~/auth/server";



