import "@testing-library/jest-dom/extend-expect"
import { cleanup } from "@testing-library/react"
import { configure, _getGlobalState, _resetGlobalState } from "mobx"




























