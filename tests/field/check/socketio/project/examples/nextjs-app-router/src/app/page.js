

import Image from "next/image";
import styles from "./page.module.css";
import { useEffect, useState } from "react";
import { socket } from "../socket";








































