import SwapAnimation, {defaultOptions} from './SwapAnimation';



