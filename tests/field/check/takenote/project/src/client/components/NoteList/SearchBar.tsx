import React from 'react'

import { TestID } from '@resources/TestID'























