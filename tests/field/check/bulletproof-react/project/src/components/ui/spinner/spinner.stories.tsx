import { Meta, StoryObj } from '@storybook/react';

import { Spinner } from './spinner';














