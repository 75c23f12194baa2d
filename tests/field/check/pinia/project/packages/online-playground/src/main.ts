import { createApp } from 'vue'
import App from './App.vue'
import '@vue/repl/style.css'







