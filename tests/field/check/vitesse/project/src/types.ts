import type { ViteSSGContext } from 'vite-ssg'


