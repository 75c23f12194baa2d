import { AppProvider } from './provider';
import { AppRouter } from './router';








