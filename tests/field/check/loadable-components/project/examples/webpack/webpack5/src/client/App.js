import React from 'react'
import loadable from '@loadable/component'







const Moment = loadable.lib(() => import('moment'), {


























