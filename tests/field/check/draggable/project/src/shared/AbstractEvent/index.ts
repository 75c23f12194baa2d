export {AbstractEvent as default} from './AbstractEvent';
