import { useNuxtApp } from '#app'
export * from 'pinia'


