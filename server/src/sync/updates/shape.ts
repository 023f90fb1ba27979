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
  type StructId,
} from './decode.js'
import { locateStruct } from './locate.js'
import { checkNeighbourOrder, ORDER_BUDGET, type OrderBudget } from './order.js'

/** What Yjs writes as one value of a map key: `Y.Map.set` makes one of these, one unit long. */
const MAP_VALUE_CONTENT: ReadonlySet<number> = new Set([
  CONTENT_ANY,
  CONTENT_BINARY,
  CONTENT_TYPE,
  CONTENT_DELETED,
])

/**
 * Where a struct lands: its parent type (a root's name, or the id of the item holding it) and its
 * map key (null in a list); `gc` when Yjs drops it because a neighbour was garbage collected.
 */
type Place = { parent: string; key: string | null; parentDeleted: boolean } | 'gc'

function placeOfItem(item: Y.Item): Place {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType)) return 'gc'
  const holder = parent._item
  return holder === null
    ? { parent: `root ${Y.findRootTypeKey(parent)}`, key: item.parentSub, parentDeleted: false }
    : { parent: idOf(holder.id), key: item.parentSub, parentDeleted: holder.deleted }
}

function idOf(id: StructId): string {
  return `${id.client}:${id.clock}`
}

function samePlace(a: Place, b: Place): boolean {
  if (a === 'gc' || b === 'gc') return a === b
  return a.parent === b.parent && a.key === b.key
}

/**
 * Refuses structs shaped as Yjs never writes them, which replicas would not integrate alike or
 * which break Yjs after the rest is applied (the room would go down). Call after `checkCausality`.
 *
 * - **Neighbours from two places.** Yjs places a struct between its left and right neighbours as
 *   they were when it was written: in one list, or one map key. Given neighbours from two places,
 *   it takes the left one's; but if the right one was garbage collected on one replica and not on
 *   another, one replica drops the struct and the other keeps it: they no longer converge. A
 *   neighbour collected on the relay may stand next to one whose parent is deleted (an honest edit
 *   of a note deleted meanwhile), never next to a live one.
 * - **Neighbours its writer cannot have seen side by side** (`order.ts`): Yjs places such a struct
 *   by how each replica happens to have split its items at that moment.
 * - **Map values.** `Y.Map.set` writes one value of one unit; several overwritten values of a key
 *   may be merged into one struct, but then they are all deleted. A struct of several live units
 *   under a key is split by the next struct placed next to it, and the part left behind is neither
 *   the key's value nor deleted: when its map is deleted, Yjs fails collecting it.
 */
export function checkShapes(doc: Y.Doc, update: DecodedUpdate): void {
  const places = new Map<DecodedStruct, Place>()

  // Iterative: a crafted update can chain many structs, each placed next to the previous one.
  const placeOf = (start: DecodedStruct): Place => {
    const chain: DecodedStruct[] = []
    const seen = new Set<DecodedStruct>()
    let current = start
    let place: Place
    for (;;) {
      const known = places.get(current)
      if (known !== undefined) {
        place = known
        break
      }
      if (current.parentKey !== null) {
        place = { parent: `root ${current.parentKey}`, key: current.parentSub, parentDeleted: false }
        break
      }
      if (current.parentId !== null) {
        const holder = locateStruct(doc, update, current.parentId)
        place =
          holder instanceof Y.GC
            ? 'gc'
            : {
                parent: idOf(holder.id),
                key: current.parentSub,
                parentDeleted: holder instanceof Y.Item && holder.deleted,
              }
        break
      }
      if (seen.has(current)) throw new MalformedUpdate('structs that refer to each other in a circle')
      seen.add(current)
      chain.push(current)
      const neighbour = locateStruct(doc, update, (current.origin ?? current.rightOrigin) as StructId)
      if (neighbour instanceof Y.Item) {
        place = placeOfItem(neighbour)
        break
      }
      if (neighbour instanceof Y.GC || neighbour.kind !== 'item') {
        place = 'gc'
        break
      }
      current = neighbour
    }
    for (const struct of chain) places.set(struct, place)
    places.set(start, place)
    return place
  }

  /** The place of the struct an id refers to: in the document, or one of the update's. */
  const placeAt = (id: StructId): Place => {
    const target = locateStruct(doc, update, id)
    if (target instanceof Y.Item) return placeOfItem(target)
    return target instanceof Y.GC || target.kind !== 'item' ? 'gc' : placeOf(target)
  }

  // Built on first need: most updates carry no struct of several units under a key.
  let deletedWhole: ((struct: DecodedStruct) => boolean) | null = null
  const budget: OrderBudget = { steps: ORDER_BUDGET }
  for (const [client, structs] of update.structs) {
    const present = Y.getState(doc.store, client)
    for (const struct of structs) {
      if (struct.kind !== 'item' || struct.id.clock + struct.length <= present) continue
      const where = `struct ${client}:${struct.id.clock}`
      if (struct.origin && struct.rightOrigin) {
        const left = placeAt(struct.origin)
        const right = placeAt(struct.rightOrigin)
        // One neighbour collected: the other must be collected too, or about to be (its parent deleted).
        const collectedBeside = (other: Place) => other === 'gc' || other.parentDeleted
        const fits =
          samePlace(left, right) ||
          (left === 'gc' ? collectedBeside(right) : right === 'gc' && collectedBeside(left))
        if (!fits) throw new MalformedUpdate(`${where} has neighbours in two places`)
      }
      checkNeighbourOrder(doc, update, struct, where, budget)
      const place = placeOf(struct)
      if (place === 'gc' || place.key === null) continue
      const value = `${where} under key "${place.key}"`
      if (!MAP_VALUE_CONTENT.has(struct.contentRef)) {
        throw new MalformedUpdate(`${value} holds content ${struct.contentRef}, which no map value has`)
      }
      if (struct.length > 1 && struct.contentRef !== CONTENT_DELETED) {
        deletedWhole ??= deletionCover(update.deletes)
        if (deletedWhole(struct)) continue
        throw new MalformedUpdate(`${value} holds ${struct.length} live values, where a map key has one`)
      }
    }
  }
}

/**
 * Whether the update's own delete set covers every unit of a struct: its ranges merged per client
 * once, then one binary search per struct (a crafted update can bring thousands of each).
 */
function deletionCover(deletes: readonly DeleteRange[]): (struct: DecodedStruct) => boolean {
  const byClient = new Map<number, { clock: number; end: number }[]>()
  for (const range of [...deletes].sort((a, b) => a.clock - b.clock)) {
    const merged = byClient.get(range.client) ?? []
    byClient.set(range.client, merged)
    const last = merged[merged.length - 1]
    if (last && range.clock <= last.end) last.end = Math.max(last.end, range.clock + range.length)
    else merged.push({ clock: range.clock, end: range.clock + range.length })
  }
  return (struct) => {
    const merged = byClient.get(struct.id.client)
    if (!merged) return false
    let low = 0
    let high = merged.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const range = merged[middle] as { clock: number; end: number }
      if (struct.id.clock < range.clock) high = middle - 1
      else if (struct.id.clock >= range.end) low = middle + 1
      else return struct.id.clock + struct.length <= range.end
    }
    return false
  }
}
