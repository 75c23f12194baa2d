import Announcement, {defaultOptions} from './Announcement';



