export * from './boards.js'
export * from './catalogue.js'
