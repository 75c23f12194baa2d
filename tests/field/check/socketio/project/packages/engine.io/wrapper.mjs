export {
  Server,
  Socket,
  Transport,
  transports,
  listen,
  attach,
  parser,
  protocol,
} from "./build/engine.io.js";
