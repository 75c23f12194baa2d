import Vue from "vue";
import Router from "vue-router";







      component: () => import("@/views/Home"),




          component: () => import("@/views/HomeGlobal")




          component: () => import("@/views/HomeMyFeed")




          component: () => import("@/views/HomeTag")






      component: () => import("@/views/Login")




      component: () => import("@/views/Register")




      component: () => import("@/views/Settings")






      component: () => import("@/views/Profile"),




          component: () => import("@/views/ProfileArticles")




          component: () => import("@/views/ProfileFavorited")






      component: () => import("@/views/Article"),






      component: () => import("@/views/ArticleEdit")



