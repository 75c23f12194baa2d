import { action, autorun, computed, observable } from "mobx"













