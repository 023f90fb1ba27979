export * from './boards.js'
export * from './catalogue.js'
export * from './lang.js'
