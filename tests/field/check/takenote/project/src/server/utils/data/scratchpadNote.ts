import { v4 as uuid } from 'uuid'
import dayjs from 'dayjs'












