



import Vue from 'vue'
import VueRouter, { Route, NavigationGuard } from './index'
















