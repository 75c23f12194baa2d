import * as React from 'react'
import loadable from '@loadable/component'
import {StaticRouter, Switch, Route} from 'react-router-dom';

const X = loadable(() => import(`./Page`))
const Y = loadable(() => import(`./PageWithParam`))
































