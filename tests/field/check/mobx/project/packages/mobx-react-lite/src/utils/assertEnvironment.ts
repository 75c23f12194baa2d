import { _getGlobalState } from "mobx"
import { useState, useSyncExternalStore } from "react"







