import React from 'react'

import { Switch } from '@/components/Switch'




















