import Fastify from "fastify";
import staticPlugin from "@fastify/static";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/cluster-adapter";
import { setupWorker } from "@socket.io/sticky";















































