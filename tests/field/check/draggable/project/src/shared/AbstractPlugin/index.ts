export {AbstractPlugin as default} from './AbstractPlugin';
