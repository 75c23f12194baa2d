import { Provider } from 'react-redux'
import type { Store } from 'redux'






















