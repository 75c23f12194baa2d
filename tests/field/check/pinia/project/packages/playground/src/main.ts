import { computed, createApp, markRaw, Ref } from 'vue'
import App from './App.vue'
import { createPinia } from 'pinia'
import { router } from './router'
import {
  RouteLocationNormalized,
  RouteLocationNormalizedLoaded,
} from 'vue-router'































































