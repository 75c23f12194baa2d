import { url } from "./url.js";
import { Manager, ManagerOptions } from "./manager.js";
import { DisconnectDescription, Socket, SocketOptions } from "./socket.js";
import debugModule from "debug"; // debug()
















































































export { protocol } from "socket.io-parser";


















export {
  Fetch,
  NodeXHR,
  XHR,
  NodeWebSocket,
  WebSocket,
  WebTransport,
} from "engine.io-client";
