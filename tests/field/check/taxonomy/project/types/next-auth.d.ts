import { User } from "next-auth"
import { JWT } from "next-auth/jwt"
















