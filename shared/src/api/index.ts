export * from './boards.js'
export * from './images.js'
export * from './join.js'
