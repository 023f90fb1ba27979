import * as Y from 'yjs'
import {
  CONTENT_ANY,
  CONTENT_BINARY,
  CONTENT_DELETED,
  CONTENT_TYPE,
  type DecodedStruct,
  type DecodedUpdate,
  type DeleteRange,
  MalformedUpdate,
} from './decode.js'
import { locateStruct } from './locate.js'

/** What Yjs writes as one value of a map key: `Y.Map.set` makes one of these, one unit long. */
const MAP_VALUE_CONTENT: ReadonlySet<number> = new Set([
  CONTENT_ANY,
  CONTENT_BINARY,
  CONTENT_TYPE,
  CONTENT_DELETED,
])

/** The map key a struct lands under: its own, or its neighbour's when it is placed by neighbours. */
type Key = string | null

/**
 * Refuses map values Yjs never writes. `Y.Map.set` writes one value of one unit; several
 * overwritten values of a key may be merged into one struct, but then they are all deleted. A
 * struct of several live units under a key is split by the next struct placed next to it, and the
 * part left behind is neither the key's value nor deleted: when its map is deleted, Yjs fails
 * collecting it ("Unexpected case") after the rest is applied, and the room would go down.
 * Call after `checkCausality`.
 */
export function checkMapValues(doc: Y.Doc, update: DecodedUpdate): void {
  const keys = new Map<DecodedStruct, Key>()
  const keyOf = (start: DecodedStruct): Key => {
    // Iterative: a crafted update can chain many structs, each placed next to the previous one.
    const chain = new Set<DecodedStruct>()
    let current = start
    let key: Key = null
    for (;;) {
      const known = keys.get(current)
      if (known !== undefined) {
        key = known
        break
      }
      if (current.kind !== 'item') break
      if (current.parentKey !== null || current.parentId !== null) {
        key = current.parentSub
        break
      }
      chain.add(current)
      const neighbour = current.origin ?? current.rightOrigin
      if (neighbour === null) break
      const target = locateStruct(doc, update, neighbour)
      if (target instanceof Y.Item) {
        key = target.parentSub
        break
      }
      if (target instanceof Y.GC) break
      if (chain.has(target)) throw new MalformedUpdate('structs that refer to each other in a circle')
      current = target
    }
    for (const struct of chain) keys.set(struct, key)
    keys.set(start, key)
    return key
  }

  for (const [client, structs] of update.structs) {
    const present = Y.getState(doc.store, client)
    for (const struct of structs) {
      if (struct.kind !== 'item' || struct.id.clock + struct.length <= present) continue
      const key = keyOf(struct)
      if (key === null) continue
      const where = `struct ${client}:${struct.id.clock} under key "${key}"`
      if (!MAP_VALUE_CONTENT.has(struct.contentRef)) {
        throw new MalformedUpdate(`${where} holds content ${struct.contentRef}, which no map value has`)
      }
      if (
        struct.length > 1 &&
        struct.contentRef !== CONTENT_DELETED &&
        !deletedWhole(update.deletes, struct)
      ) {
        throw new MalformedUpdate(`${where} holds ${struct.length} live values, where a map key has one`)
      }
    }
  }
}

/** Whether the update's own delete set covers every unit of `struct`. */
function deletedWhole(deletes: readonly DeleteRange[], struct: DecodedStruct): boolean {
  const ranges = deletes
    .filter((range) => range.client === struct.id.client)
    .sort((a, b) => a.clock - b.clock)
  let covered = struct.id.clock
  const end = struct.id.clock + struct.length
  for (const range of ranges) {
    if (range.clock > covered) break
    covered = Math.max(covered, range.clock + range.length)
    if (covered >= end) return true
  }
  return covered >= end
}
