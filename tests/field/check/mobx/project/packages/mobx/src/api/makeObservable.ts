import {
    $mobx,
    asObservableObject,
    AnnotationsMap,
    CreateObservableOptions,
    ObservableObjectAdministration,
    isPlainObject,
    isObservableObject,
    die,
    ownKeys,
    extendObservable,
    addHiddenProp,
    initObservable,
    Annotation,
    assertAnnotable,
    getDescriptor,
    MakeResult,
    objectPrototype,
    recordAnnotationApplied
} from "../internal"






































































































