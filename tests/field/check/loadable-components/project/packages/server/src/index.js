export { default as ChunkExtractorManager } from './ChunkExtractorManager.js'
export { default as ChunkExtractor } from './ChunkExtractor.js'
