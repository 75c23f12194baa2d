import { mount, createLocalVue } from "@vue/test-utils";

import router from "../../../src/router/index";
import VTag from "../../../src/components/VTag";





















