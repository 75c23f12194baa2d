import { createBrowserHistory } from 'history';


