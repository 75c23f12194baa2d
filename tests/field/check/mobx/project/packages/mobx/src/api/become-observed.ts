import {
    IComputedValue,
    IObservable,
    IObservableArray,
    Lambda,
    ObservableMap,
    getAtom,
    ObservableSet,
    isFunction,
    IObservableValue
} from "../internal"
































































