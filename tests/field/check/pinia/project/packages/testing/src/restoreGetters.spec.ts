import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { createTestingPinia } from './testing'
import { restoreGetter } from './restoreGetters'











































