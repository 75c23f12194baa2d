import { observable } from "mobx"
import { Component } from "react"









export {
    Observer,
    isUsingStaticRendering,
    enableStaticRendering,
    useLocalObservable,
    _observerFinalizationRegistry,
    clearTimers
} from "mobx-react-lite"

export { observer } from "./observer"
