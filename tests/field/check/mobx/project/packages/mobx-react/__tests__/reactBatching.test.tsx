import React from "react"
import { createRoot } from "react-dom/client"
import { flushSync } from "react-dom"
import { action, observable } from "mobx"
import { observer } from "../src"
















































