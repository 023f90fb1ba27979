export * from './clusters.js'
export * from './french.js'
