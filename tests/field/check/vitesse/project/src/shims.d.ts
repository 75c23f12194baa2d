





  import type { DefineComponent } from 'vue'






  import type { DefineComponent } from 'vue'




