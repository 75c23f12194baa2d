import { die } from "../internal"













