import { describe, it, expect } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, defineStore } from '../src'
import { devtoolsPlugin } from '../src/devtools'
































