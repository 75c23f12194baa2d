import { default as format } from "date-fns/format";




