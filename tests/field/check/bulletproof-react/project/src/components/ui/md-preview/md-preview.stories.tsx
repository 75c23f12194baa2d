import { Meta, StoryObj } from '@storybook/react';

import { MDPreview } from './md-preview';














