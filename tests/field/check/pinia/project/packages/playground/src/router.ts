import { createRouter, createWebHistory, RouteRecordRaw } from 'vue-router'
import kebabcase from 'lodash.kebabcase'





















