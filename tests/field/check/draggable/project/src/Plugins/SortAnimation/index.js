import SortAnimation, {defaultOptions} from './SortAnimation';



