import {
  ERROR_PACKET,
  PACKET_TYPES_REVERSE,
  Packet,
  BinaryType,
  RawData,
} from "./commons.js";



























































