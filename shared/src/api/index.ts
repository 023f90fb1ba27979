export * from './boards.js'
export * from './images.js'
