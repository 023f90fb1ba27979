export * from './api/index.js'
export * from './geometry/index.js'
export * from './protocol/index.js'
export * from './schema/index.js'
