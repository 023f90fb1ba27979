export * from './messages.js'
export * from './paths.js'
export * from './roles.js'
