import * as Y from 'yjs'
import { type DecodedStruct, type DecodedUpdate, MalformedUpdate, type StructId } from './decode.js'
import { locateStruct } from './locate.js'

/**
 * Whether a struct's neighbours are ones a client can have seen side by side. Yjs (YATA) converges
 * only on such structs: a struct placed between two units its writer cannot have seen together
 * lands where each replica's current split of its items puts it, and replicas then disagree on a
 * text's order for good (the units stay in the list, deleted or not).
 *
 * A writer that knew a unit knew that unit's own neighbours as written (they came before it). So,
 * for a struct written between `origin` (left) and `rightOrigin` (right):
 * - the right one comes after the left one;
 * - the right one's written left neighbour is the left one or before it, and the left one's
 *   written right neighbour is the right one or after it (a known unit between them would have
 *   stood between them); with no left neighbour, the right one had none either (and likewise).
 *
 * Order is known only for what the document holds: a struct next to one of the update's own must
 * name it as its direct neighbour, as a client does for what it wrote itself (possibly, rarely,
 * refusing the reconnect of a client that carries other people's structs the relay lacks: it is
 * accepted once the relay has them). Collected neighbours are not checked: Yjs drops the struct.
 */

/** How many list steps one update may spend ordering its structs' neighbours in the document. */
export const ORDER_BUDGET = 100_000

export interface OrderBudget {
  steps: number
}

/** The struct as one placed in a list: null for a collected one (GC, or a skip of the update). */
function listed(struct: Y.Item | Y.GC | DecodedStruct): Y.Item | DecodedStruct | null {
  if (struct instanceof Y.GC) return null
  return struct instanceof Y.Item || struct.kind === 'item' ? struct : null
}

function sameId(a: StructId | null, b: StructId | null): boolean {
  return a === b || (a !== null && b !== null && a.client === b.client && a.clock === b.clock)
}

/** The unit left of `id` when it was written: the unit before it in its struct, or its origin. */
function writtenLeftOf(struct: Y.Item | DecodedStruct, id: StructId): StructId | null {
  return id.clock > struct.id.clock ? { client: id.client, clock: id.clock - 1 } : struct.origin
}

/**
 * Whether unit `a` comes strictly before unit `b` in the document's list: a walk from each towards
 * the other, where an end reached first means it does not. Null when either is not a listed item.
 */
function before(doc: Y.Doc, a: StructId, b: StructId, budget: OrderBudget): boolean | null {
  const itemOf = (id: StructId) =>
    id.clock < Y.getState(doc.store, id.client) ? Y.getItem(doc.store, Y.createID(id.client, id.clock)) : null
  const first = itemOf(a)
  const second = itemOf(b)
  if (!(first instanceof Y.Item) || !(second instanceof Y.Item)) return null
  if (first === second) return a.clock < b.clock
  let forward = first.right
  let backward = second.left
  for (;;) {
    if (forward === second || backward === first) return true
    if (forward === null || backward === null) return false
    if (--budget.steps < 0) {
      throw new MalformedUpdate('places structs further from their neighbours than the relay looks')
    }
    forward = forward.right
    backward = backward.left
  }
}

/** Throws when a struct's neighbours cannot have been seen side by side (see above). */
export function checkNeighbourOrder(
  doc: Y.Doc,
  update: DecodedUpdate,
  struct: DecodedStruct,
  where: string,
  budget: OrderBudget,
): void {
  const { origin, rightOrigin } = struct
  const left = origin ? listed(locateStruct(doc, update, origin)) : null
  const right = rightOrigin ? listed(locateStruct(doc, update, rightOrigin)) : null
  if ((origin && !left) || (rightOrigin && !right)) return
  const refuse = (why: string) => {
    throw new MalformedUpdate(`${where} ${why}`)
  }
  const leftOfRight = right && rightOrigin ? writtenLeftOf(right, rightOrigin) : null
  // The left one's struct's right origin, not its next unit: Yjs merges into one struct units
  // typed one after the other, so whoever knew a unit need not have known the next.
  const rightOfLeft = left?.rightOrigin ?? null
  const direct = sameId(leftOfRight, origin) || sameId(rightOfLeft, rightOrigin)
  if (origin && rightOrigin) {
    if (sameId(origin, rightOrigin)) refuse('has one unit as both its neighbours')
    if (!direct && before(doc, origin, rightOrigin, budget) !== true) {
      refuse('has its right neighbour before its left one, or not known to be after it')
    }
  }
  // A unit the writer knew, standing between the two: it would have been a neighbour instead.
  if (rightOrigin && leftOfRight && !sameId(leftOfRight, origin)) {
    if (!origin || before(doc, leftOfRight, origin, budget) === false) {
      refuse("has a unit its writer knew between it and its left neighbour (its right one's left)")
    }
  }
  if (origin && rightOfLeft && !sameId(rightOfLeft, rightOrigin)) {
    if (!rightOrigin || before(doc, rightOrigin, rightOfLeft, budget) === false) {
      refuse("has a unit its writer knew between it and its right neighbour (its left one's right)")
    }
  }
}
