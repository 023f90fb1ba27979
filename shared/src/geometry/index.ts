export * from './camera.js'
export * from './rect.js'
export * from './textFit.js'
