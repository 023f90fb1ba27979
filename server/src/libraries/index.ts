export * from './sql.js'
export * from './types.js'
