import Mirror, {defaultOptions} from './Mirror';



