import Vue from "vue";
import App from "./App.vue";






