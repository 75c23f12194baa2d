import { default as dayjs } from 'dayjs';



