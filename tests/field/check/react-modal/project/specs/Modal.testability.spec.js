
import ReactDOM from "react-dom";
import sinon from "sinon";
import { withModal } from "./helper";










