import initializeServer from './initializeServer'
import router from './router'




