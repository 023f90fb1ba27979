/**
 * Transaction origin of every edit made by this browser tab. The UndoManager tracks only this
 * origin, so Ctrl+Z undoes your own changes and never someone else's.
 */
export const LOCAL_ORIGIN = Symbol('atelier-local')
