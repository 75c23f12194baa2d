import "./url";
import "./connection";
import "./socket";
import "./node";
import "./connection-state-recovery";
import "./retry";
