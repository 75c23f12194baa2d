import { Link as RouterLink, LinkProps } from 'react-router';

import { cn } from '@/utils/cn';











