
import React from 'react'
import createLoadable from './createLoadable'
import { defaultResolveComponent } from './resolvers'







