export * from './boards.js'
export * from './history.js'
export * from './images.js'
export * from './join.js'
