import { createLocalVue, mount } from "@vue/test-utils";
import Vuex from "vuex";
import VueRouter from "vue-router";

import Comment from "../../src/components/Comment.vue";
import DateFilter from "../../src/common/date.filter";













































