import React from 'react'
import { render } from '@testing-library/react'
import dayjs from 'dayjs'
import '@testing-library/jest-dom'
import 'jest-extended'

import { TestID } from '@resources/TestID'
import {
  LastSyncedNotification,
  LastSyncedNotificationProps,
} from '@/components/LastSyncedNotification'


















































