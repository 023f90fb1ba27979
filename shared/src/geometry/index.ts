export * from './camera.js'
export * from './containment.js'
export * from './rect.js'
export * from './textFit.js'
