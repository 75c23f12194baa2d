import { Socket } from "engine.io-client";
import { X509Certificate } from "crypto";
import { readFileSync } from "node:fs";
import { WebTransport } from "@fails-components/webtransport";































