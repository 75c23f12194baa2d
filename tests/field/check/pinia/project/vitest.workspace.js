import { defineWorkspace } from 'vitest/config'


