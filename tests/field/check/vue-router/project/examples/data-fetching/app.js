import Vue from 'vue'
import VueRouter from 'vue-router'
import Post from './Post.vue'





























