import type * as Y from 'yjs'
import { checkCausality } from './causality.js'
import { decodeUpdate } from './decode.js'
import { type Footprint, footprintOf } from './footprint.js'

/** A writer's update, read whole and checked against the room's document before it is applied. */
export interface InspectedUpdate {
  bytes: Uint8Array
  footprint: Footprint
}

/**
 * Reads a writer's update completely, refuses it (MalformedUpdate) when it is malformed or depends
 * on structs neither the document nor the update holds, and says what it will touch.
 */
export function inspectUpdate(doc: Y.Doc, bytes: Uint8Array): InspectedUpdate {
  const decoded = decodeUpdate(bytes)
  checkCausality(doc, decoded)
  return { bytes, footprint: footprintOf(doc, decoded) }
}
