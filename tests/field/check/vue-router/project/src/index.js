import VueRouter from './entries/cjs'


