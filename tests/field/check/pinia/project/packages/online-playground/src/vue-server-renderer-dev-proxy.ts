
export * from 'vue/server-renderer'
