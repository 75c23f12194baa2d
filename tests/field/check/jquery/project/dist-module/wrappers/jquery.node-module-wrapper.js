
import jQuery from "../../dist/jquery.js";



