
import loadable from '@loadable/component'















