import * as Y from 'yjs'
import { checkCausality } from './causality.js'
import { type DecodedUpdate, decodeUpdate } from './decode.js'
import { type Footprint, footprintOf } from './footprint.js'
import { checkShapes } from './shape.js'

/** A writer's update, read whole and checked against the room's document before it is applied. */
export interface InspectedUpdate {
  bytes: Uint8Array
  footprint: Footprint
  /** Yjs client ids the update writes new structs for (beyond what the document holds of them). */
  writers: Set<number>
}

function writersOf(doc: Y.Doc, update: DecodedUpdate): Set<number> {
  const writers = new Set<number>()
  for (const [client, structs] of update.structs) {
    const last = structs[structs.length - 1]
    if (last && last.id.clock + last.length > Y.getState(doc.store, client)) writers.add(client)
  }
  return writers
}

/**
 * Reads a writer's update completely, refuses it (MalformedUpdate) when it is malformed, depends
 * on structs neither the document nor the update holds, or shapes a map value as Yjs never does,
 * and says what it will touch.
 */
export function inspectUpdate(doc: Y.Doc, bytes: Uint8Array): InspectedUpdate {
  const decoded = decodeUpdate(bytes)
  checkCausality(doc, decoded)
  checkShapes(doc, decoded)
  return { bytes, footprint: footprintOf(doc, decoded), writers: writersOf(doc, decoded) }
}
