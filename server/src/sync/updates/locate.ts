import * as Y from 'yjs'
import { type DecodedStruct, type DecodedUpdate, MalformedUpdate, type StructId } from './decode.js'

/** Finds the struct holding `clock` in one client's structs of an update. */
function structAt(structs: readonly DecodedStruct[] | undefined, clock: number): DecodedStruct | null {
  if (!structs) return null
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const struct = structs[middle] as DecodedStruct
    if (clock < struct.id.clock) high = middle - 1
    else if (clock >= struct.id.clock + struct.length) low = middle + 1
    else return struct
  }
  return null
}

/**
 * The struct an id refers to: the document's when it holds that clock, else the update's. Call
 * after `checkCausality`, which guarantees one of them does.
 */
export function locateStruct(doc: Y.Doc, update: DecodedUpdate, id: StructId): Y.Item | Y.GC | DecodedStruct {
  if (id.clock < Y.getState(doc.store, id.client))
    return Y.getItem(doc.store, Y.createID(id.client, id.clock))
  const struct = structAt(update.structs.get(id.client), id.clock)
  if (!struct) throw new MalformedUpdate(`struct ${id.client}:${id.clock} is nowhere`)
  return struct
}
