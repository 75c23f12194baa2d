import { Manager } from "socket.io-client";

















