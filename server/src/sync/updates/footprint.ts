import * as Y from 'yjs'
import { type DecodedStruct, type DecodedUpdate, MalformedUpdate, type StructId } from './decode.js'
import { locateStruct } from './locate.js'

/** Name of the board's item map among a document's root types. */
const ITEMS = 'items'

/**
 * What an update will touch, found before it is applied, at a cost proportional to the update
 * (each struct's parent is looked up in the document's struct store, not in a scan of the board).
 * A superset: Yjs may drop a struct whose neighbour was garbage collected.
 */
export interface Footprint {
  /** Root types (by name) the update writes into or deletes from. */
  roots: Set<string>
  /** Keys of the `items` map whose item the update adds, changes (at any depth) or deletes. */
  itemIds: Set<string>
  /** Keys of existing items whose map the update deletes or replaces. */
  removedItemIds: Set<string>
}

/** Where a struct lands: its root type, the item it belongs to, and whether it is that item's map itself. */
interface Place {
  root: string
  itemId: string | null
  entry: boolean
}

function placeOfDocItem(item: Y.Item): Place | null {
  let current = item
  let entry = true
  for (;;) {
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent._item === null) {
      const root = Y.findRootTypeKey(parent)
      return { root, itemId: root === ITEMS ? current.parentSub : null, entry: entry && root === ITEMS }
    }
    current = parent._item
    entry = false
  }
}

/** Call after `checkCausality`: every reference is then in the document or in the update. */
export function footprintOf(doc: Y.Doc, update: DecodedUpdate): Footprint {
  const footprint: Footprint = { roots: new Set(), itemIds: new Set(), removedItemIds: new Set() }
  const items = doc.share.get(ITEMS)
  const known = new Map<DecodedStruct, Place | null>()
  const docState = (client: number): number => Y.getState(doc.store, client)

  // Iterative: a crafted update can chain many structs, each placed next to the previous one.
  const placeOf = (start: DecodedStruct): Place | null => {
    const chain: { struct: DecodedStruct; nested: boolean }[] = []
    const seen = new Set<DecodedStruct>()
    let current = start
    let place: Place | null = null
    for (;;) {
      const memo = known.get(current)
      if (memo !== undefined) {
        place = memo
        break
      }
      if (current.kind !== 'item') break
      if (current.parentKey !== null) {
        const root = current.parentKey
        place = { root, itemId: root === ITEMS ? current.parentSub : null, entry: root === ITEMS }
        known.set(current, place)
        break
      }
      if (seen.has(current)) throw new MalformedUpdate('structs that refer to each other in a circle')
      seen.add(current)
      const nested = current.parentId !== null
      chain.push({ struct: current, nested })
      const target = locateStruct(
        doc,
        update,
        (current.parentId ?? current.origin ?? current.rightOrigin) as StructId,
      )
      if (target instanceof Y.Item) {
        place = placeOfDocItem(target)
        break
      }
      if (target instanceof Y.GC) break
      current = target
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { struct, nested } = chain[i] as { struct: DecodedStruct; nested: boolean }
      if (place && nested) place = { ...place, entry: false }
      known.set(struct, place)
    }
    return place
  }

  const record = (place: Place | null): void => {
    if (!place) return
    footprint.roots.add(place.root)
    if (place.itemId !== null) footprint.itemIds.add(place.itemId)
  }

  for (const [client, structs] of update.structs) {
    const present = docState(client)
    for (const struct of structs) {
      if (struct.kind !== 'item' || struct.id.clock + struct.length <= present) continue
      const place = placeOf(struct)
      record(place)
      if (place?.entry && place.itemId !== null && items instanceof Y.Map && items.has(place.itemId)) {
        footprint.removedItemIds.add(place.itemId)
      }
    }
  }

  for (const range of update.deletes) {
    const end = range.clock + range.length
    const structs = doc.store.clients.get(range.client)
    if (structs && range.clock < docState(range.client)) {
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const place = placeOfDocItem(struct)
        record(place)
        if (place?.entry && place.itemId !== null) footprint.removedItemIds.add(place.itemId)
      }
    }
    // Structs of the update itself that it deletes are new ones, already recorded above.
  }
  return footprint
}
