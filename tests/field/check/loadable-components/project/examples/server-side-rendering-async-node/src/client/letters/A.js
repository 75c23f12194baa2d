
import moment from 'moment'
import './A.css'







