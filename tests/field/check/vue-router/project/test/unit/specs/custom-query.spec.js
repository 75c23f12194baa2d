import Vue from 'vue'
import VueRouter from '../../../src/index'
















