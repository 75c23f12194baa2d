import { createBrowserHistory } from 'history'


