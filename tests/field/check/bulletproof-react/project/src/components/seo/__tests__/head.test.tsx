import { render, waitFor } from '@/testing/test-utils';

import { Head } from '../head';













