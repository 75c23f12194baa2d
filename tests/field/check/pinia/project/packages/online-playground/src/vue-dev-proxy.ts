
export * from 'vue'
