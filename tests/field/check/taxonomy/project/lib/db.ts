import { PrismaClient } from "@prisma/client"

















