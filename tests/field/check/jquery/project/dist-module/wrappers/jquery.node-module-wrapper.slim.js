
import jQuery from "../../dist/jquery.slim.js";



