
export * from 'pinia'
