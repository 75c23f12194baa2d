import {
    CreateObservableOptions,
    isObservableMap,
    AnnotationsMap,
    asObservableObject,
    isPlainObject,
    ObservableObjectAdministration,
    isObservable,
    die,
    getOwnPropertyDescriptors,
    $mobx,
    ownKeys,
    initObservable
} from "../internal"









































