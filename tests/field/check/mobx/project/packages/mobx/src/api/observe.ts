import {
    IArrayDidChange,
    IComputedValue,
    IMapDidChange,
    IObjectDidChange,
    IObservableArray,
    IObservableValue,
    IValueDidChange,
    Lambda,
    ObservableMap,
    getAdministration,
    ObservableSet,
    ISetDidChange,
    isFunction,
    isComputedValue,
    isObservableArray,
    isObservableMap,
    isObservableObject,
    isObservableSet,
    autorun,
    registerListener,
    untrackedEnd,
    untrackedStart,
    UPDATE,
    die
} from "../internal"


























































































































