export * from './arrange.js'
export * from './columns.js'
export * from './grid.js'
