export * from './arrange.js'
export * from './grid.js'
