export * from './boards.js'
