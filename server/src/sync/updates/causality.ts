import * as Y from 'yjs'
import { type DecodedStruct, type DecodedUpdate, MalformedUpdate, type StructId } from './decode.js'

/**
 * Refuses an update that Yjs could not integrate at once. Yjs parks a struct whose left, right or
 * parent item it does not have yet (and a deletion of clocks it has not seen) as "pending", and
 * integrates it inside whichever later transaction brings the missing piece: a facilitator's, whose
 * rules are not a participant's. So the relay accepts an update only when every struct it carries
 * depends on structs the room's document has or the update itself brings, and every range it
 * deletes is within what the document will hold. Then nothing is ever parked.
 */
export function checkCausality(doc: Y.Doc, update: DecodedUpdate): void {
  const state = new Map<number, number>()
  const stateOf = (client: number): number => {
    let clock = state.get(client)
    if (clock === undefined) {
      clock = Y.getState(doc.store, client)
      state.set(client, clock)
    }
    return clock
  }
  const has = (id: StructId): boolean => id.clock < stateOf(id.client)
  const missingRef = (struct: DecodedStruct): StructId | null =>
    [struct.origin, struct.rightOrigin, struct.parentId].find((ref) => ref !== null && !has(ref)) ?? null

  // Integrates what it can, client by client, as Yjs does; a client blocked on another one is
  // looked at again once that one has advanced.
  const next = new Map<number, number>()
  const blockedOn = new Map<number, number[]>()
  const work = [...update.structs.keys()]
  for (let client = work.pop(); client !== undefined; client = work.pop()) {
    const structs = update.structs.get(client) ?? []
    const before = stateOf(client)
    let index = next.get(client) ?? 0
    for (; index < structs.length; index++) {
      const struct = structs[index] as DecodedStruct
      if (struct.id.clock > stateOf(client)) {
        throw new MalformedUpdate(
          `structs of client ${client} start at clock ${struct.id.clock}, after the ${stateOf(client)} known`,
        )
      }
      const missing = missingRef(struct)
      if (missing) {
        if (missing.client === client) {
          throw new MalformedUpdate(
            `struct ${client}:${struct.id.clock} refers to a later struct of its own client`,
          )
        }
        blockedOn.set(missing.client, [...(blockedOn.get(missing.client) ?? []), client])
        break
      }
      if (struct.kind !== 'skip')
        state.set(client, Math.max(stateOf(client), struct.id.clock + struct.length))
    }
    next.set(client, index)
    if (stateOf(client) > before) {
      work.push(...(blockedOn.get(client) ?? []))
      blockedOn.delete(client)
    }
  }
  for (const [client, structs] of update.structs) {
    const index = next.get(client) ?? 0
    const struct = structs[index]
    if (struct) {
      const missing = missingRef(struct)
      throw new MalformedUpdate(
        `struct ${client}:${struct.id.clock} depends on ${missing ? `${missing.client}:${missing.clock}` : 'a skipped range'}, which neither the document nor the update holds`,
      )
    }
  }
  for (const range of update.deletes) {
    if (range.clock + range.length > stateOf(range.client)) {
      throw new MalformedUpdate(
        `the update deletes ${range.client}:${range.clock}+${range.length}, beyond what the document holds`,
      )
    }
  }
}
