export {
  SocketId,
  PrivateSessionId,
  Room,
  BroadcastFlags,
  BroadcastOptions,
  Session,
  Adapter,
  SessionAwareAdapter,
} from "./in-memory-adapter";

export {
  ClusterAdapter,
  ClusterAdapterWithHeartbeat,
  ClusterAdapterOptions,
  ClusterMessage,
  ClusterResponse,
  MessageType,
  ServerId,
  Offset,
} from "./cluster-adapter";
