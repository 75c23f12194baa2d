import { Server } from "engine.io";


