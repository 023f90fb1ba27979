import { seededRandom } from '@atelier/shared'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** Crafted structs, as a modified client could write them (Yjs' own encoder cannot make most of them). */
const CRAFTER = 4242
const SECOND = 4343
const KEYS = ['items', 'meta', 'x', 'text', 'locked', 'type', 'zones', '']

export type Random = () => number

/** Every (client, clock) the document holds, to refer to. */
function idsOf(doc: Y.Doc): Y.ID[] {
  const ids: Y.ID[] = []
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs)
      for (let i = 0; i < struct.length; i++) ids.push(Y.createID(client, struct.id.clock + i))
  }
  return ids
}

function writeAny(encoder: encoding.Encoder, random: Random, depth = 0): void {
  const pick = Math.floor(random() * (depth > 1 ? 3 : 5))
  if (pick === 0) encoding.writeAny(encoder, null)
  else if (pick === 1) encoding.writeAny(encoder, Math.floor(random() * 1000))
  else if (pick === 2) encoding.writeAny(encoder, KEYS[Math.floor(random() * KEYS.length)] as string)
  else if (pick === 3) encoding.writeAny(encoder, { a: Math.floor(random() * 3) })
  else encoding.writeAny(encoder, [1, 'b'])
}

/** Random structs of two clients (content of any ref Yjs knows), placed by random known ids, and a deletion. */
export function craftStructs(doc: Y.Doc, random: Random): Uint8Array {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const known = idsOf(doc)
  const encoder = encoding.createEncoder()
  const clients = [random() < 0.5 ? CRAFTER : pick([...doc.store.clients.keys()]), SECOND]
  const count = 1 + Math.floor(random() * 2)
  encoding.writeVarUint(encoder, count)
  for (const client of clients.slice(0, count)) {
    const structs = 1 + Math.floor(random() * 4)
    let clock = Y.getState(doc.store, client)
    encoding.writeVarUint(encoder, structs)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
    const mine: Y.ID[] = []
    for (let s = 0; s < structs; s++) {
      // Half the time a struct of this update: that is where structs nest in each other.
      const refer = (): Y.ID => (mine.length > 0 && random() < 0.5 ? pick(mine) : pick(known))
      const ref = pick([0, 1, 3, 4, 5, 6, 7, 7, 8, 8, 8, 10])
      if (ref === 0 || ref === 10) {
        const length = 1 + Math.floor(random() * 3)
        encoding.writeUint8(encoder, ref)
        encoding.writeVarUint(encoder, length)
        for (let i = 0; i < length; i++) mine.push(Y.createID(client, clock + i))
        clock += length
        continue
      }
      const origin = random() < 0.5 ? refer() : null
      const right = random() < 0.3 ? refer() : null
      const keyed = !origin && !right && random() < 0.5
      encoding.writeUint8(encoder, ref | (origin ? 128 : 0) | (right ? 64 : 0) | (keyed ? 32 : 0))
      for (const id of [origin, right]) {
        if (!id) continue
        encoding.writeVarUint(encoder, id.client)
        encoding.writeVarUint(encoder, id.clock)
      }
      if (!origin && !right) {
        if (random() < 0.5) {
          encoding.writeVarUint(encoder, 1)
          encoding.writeVarString(encoder, pick(KEYS))
        } else {
          const parent = refer()
          encoding.writeVarUint(encoder, 0)
          encoding.writeVarUint(encoder, parent.client)
          encoding.writeVarUint(encoder, parent.clock)
        }
      }
      if (keyed) encoding.writeVarString(encoder, pick(KEYS))
      let length = 1
      if (ref === 1) {
        length = 1 + Math.floor(random() * 3)
        encoding.writeVarUint(encoder, length)
      } else if (ref === 3) encoding.writeVarUint8Array(encoder, new Uint8Array(2))
      else if (ref === 4) {
        const text = 'ab€'.slice(0, 1 + Math.floor(random() * 3))
        encoding.writeVarString(encoder, text)
        length = text.length
      } else if (ref === 5) encoding.writeVarString(encoder, '{"a":1}')
      else if (ref === 6) {
        encoding.writeVarString(encoder, 'bold')
        encoding.writeVarString(encoder, 'true')
      } else if (ref === 7) {
        const type = Math.floor(random() * 7)
        encoding.writeVarUint(encoder, type)
        if (type === 3 || type === 5) encoding.writeVarString(encoder, 'p')
      } else {
        length = 1 + Math.floor(random() * 3)
        encoding.writeVarUint(encoder, length)
        for (let i = 0; i < length; i++) writeAny(encoder, random)
      }
      for (let i = 0; i < length; i++) mine.push(Y.createID(client, clock + i))
      clock += length
    }
  }
  const deletion = random() < 0.6 ? [pick(known)] : []
  encoding.writeVarUint(encoder, deletion.length)
  for (const id of deletion) {
    encoding.writeVarUint(encoder, id.client)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, id.clock)
    encoding.writeVarUint(encoder, 1 + Math.floor(random() * 3))
  }
  return encoding.toUint8Array(encoder)
}

/** The generator's randomness, from fast-check's seed: a failure replays. */
export function seeded(seed: number): Random {
  return seededRandom(String(seed))
}
