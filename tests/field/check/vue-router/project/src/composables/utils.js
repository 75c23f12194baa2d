import { getCurrentInstance } from 'vue'










