import cluster from "node:cluster";
import process from "node:process";
import { availableParallelism } from "node:os";
import {
  setupPrimary as setupPrimaryEngine,
  NodeClusterEngine,
} from "@socket.io/cluster-engine";
import {
  setupPrimary as setupPrimaryAdapter,
  createAdapter,
} from "@socket.io/cluster-adapter";
import { createServer } from "node:http";
import { Server } from "socket.io";


















































