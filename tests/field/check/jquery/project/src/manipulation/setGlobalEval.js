import { dataPriv } from "../data/var/dataPriv.js";














