
import Loadable from 'react-loadable'













