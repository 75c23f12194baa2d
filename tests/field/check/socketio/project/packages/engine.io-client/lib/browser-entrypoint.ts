import { Socket } from "./socket.js";


