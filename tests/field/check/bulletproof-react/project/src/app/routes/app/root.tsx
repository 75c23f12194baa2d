import { Outlet } from 'react-router';

import { DashboardLayout } from '@/components/layouts';














