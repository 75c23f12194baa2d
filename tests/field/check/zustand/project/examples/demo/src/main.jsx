import { createRoot } from 'react-dom/client'
import './styles.css'
import './pmndrs.css'
import App from './App'


