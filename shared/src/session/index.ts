export * from './doc.js'
export * from './timer.js'
export * from './types.js'
