import { createStore, combineReducers } from "redux";
import finalFormReducer from "./finalFormDuck";











