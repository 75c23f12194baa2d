import { Emitter } from "@socket.io/component-emitter";











