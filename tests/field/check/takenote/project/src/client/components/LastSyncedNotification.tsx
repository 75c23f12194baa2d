import React from 'react'
import dayjs from 'dayjs'

import { TestID } from '@resources/TestID'
































