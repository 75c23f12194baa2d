import { createServer } from "http";
import next from "next";
import { Server } from "socket.io";


























