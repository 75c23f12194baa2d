import React from 'react'
import { render } from '@testing-library/react'
import '@testing-library/jest-dom'
import 'jest-extended'

import { TestID } from '@resources/TestID'
import { AddCategoryForm, AddCategoryFormProps } from '@/components/AppSidebar/AddCategoryForm'

















