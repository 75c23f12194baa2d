export { setupPrimary, NodeClusterEngine } from "./cluster";
export { setupPrimaryWithRedis, RedisEngine } from "./redis";
