import { io } from "socket.io-client";

















