import Vue from 'vue'
import VueRouter from 'vue-router'



import auth from './auth'
import App from './components/App.vue'
import About from './components/About.vue'
import Dashboard from './components/Dashboard.vue'
import Login from './components/Login.vue'



































