import { test, expect } from '@playwright/test';
















