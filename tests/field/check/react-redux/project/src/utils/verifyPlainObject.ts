import isPlainObject from './isPlainObject'
import warning from './warning'












