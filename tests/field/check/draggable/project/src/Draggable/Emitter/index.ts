export {default} from './Emitter';
