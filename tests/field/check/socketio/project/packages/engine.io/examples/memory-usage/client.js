import { Socket } from "engine.io-client";














