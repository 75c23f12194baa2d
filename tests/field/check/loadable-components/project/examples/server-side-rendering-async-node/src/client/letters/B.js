
import moment from 'moment'







