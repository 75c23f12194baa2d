export {AutoBind} from './AutoBind';
