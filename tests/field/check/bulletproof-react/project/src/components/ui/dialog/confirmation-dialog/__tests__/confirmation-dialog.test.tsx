import { Button } from '@/components/ui/button';
import { rtlRender, screen, userEvent, waitFor } from '@/testing/test-utils';

import { ConfirmationDialog } from '../confirmation-dialog';

































