import React from 'react'
import { render } from '@testing-library/react'

import { Switch, SwitchProps } from '@/components/Switch'














