import { Meta, StoryObj } from '@storybook/react';

import { Button } from './button';














