export * from './guards'
export * from './globals'
export * from './useLink'
