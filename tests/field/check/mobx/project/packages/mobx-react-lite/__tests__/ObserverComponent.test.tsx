import mockConsole from "jest-mock-console"
import * as mobx from "mobx"
import * as React from "react"
import { act, render } from "@testing-library/react"

import { Observer } from "../src"

















































