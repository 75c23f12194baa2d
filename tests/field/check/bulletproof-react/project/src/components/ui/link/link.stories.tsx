import { Meta, StoryObj } from '@storybook/react';

import { Link } from './link';















