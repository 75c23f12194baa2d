import { renderHook, act } from '@testing-library/react';

import { useNotifications, Notification } from '../notifications-store';

























