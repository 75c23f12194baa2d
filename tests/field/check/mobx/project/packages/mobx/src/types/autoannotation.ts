import {
    ObservableObjectAdministration,
    observable,
    observableRef,
    Annotation,
    defineProperty,
    createAction,
    globalState,
    flow,
    flowBound,
    computed,
    autoAction,
    autoActionBound,
    isGenerator,
    MakeResult,
    isAction
} from "../internal"
































































































