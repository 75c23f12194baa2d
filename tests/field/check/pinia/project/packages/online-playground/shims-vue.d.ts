
  import { DefineComponent } from 'vue'



