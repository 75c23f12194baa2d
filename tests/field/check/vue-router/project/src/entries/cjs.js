import VueRouter from '../router'


