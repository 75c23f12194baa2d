import { Notification } from './notification';
import { useNotifications } from './notifications-store';



















