import {
    $mobx,
    IIsObservableObject,
    ObservableObjectAdministration,
    die,
    isStringish,
    CreateObservableOptions,
    asObservableObject
} from "../internal"



















































