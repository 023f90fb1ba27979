export * from './doc.js'
export * from './game.js'
export * from './timer.js'
export * from './types.js'
