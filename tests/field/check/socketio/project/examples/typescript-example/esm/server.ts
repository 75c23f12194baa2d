import { Server } from "socket.io";















