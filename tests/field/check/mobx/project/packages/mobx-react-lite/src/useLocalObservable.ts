import { observable, AnnotationsMap } from "mobx"
import { useState } from "react"







