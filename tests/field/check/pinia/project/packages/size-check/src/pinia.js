import { createPinia, defineStore } from 'pinia'




