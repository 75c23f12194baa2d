import { Polling } from "./polling";
import { WebSocket } from "./websocket";





