import {
  createItem,
  deleteItems,
  itemsMap,
  itemText,
  readItems,
  setItemText,
  updateItem,
} from '@atelier/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UpdateRevert } from '../src/sync/revert.js'
import { MalformedUpdate } from '../src/sync/updates/decode.js'
import { inspectUpdate } from '../src/sync/updates/inspect.js'
import { craftStructs, seeded } from './craftedStructs.js'

/**
 * Property: any update the relay's reader accepts, however its structs are put together, applies
 * without Yjs throwing, leaves nothing pending, reads back, and leaves a board whose items can
 * all be deleted (which collects them: where a split map value made Yjs throw). The updates are
 * random structs that refer to ids the board holds, as a modified client could write them; the
 * bit-level fuzzing of honest updates is in relay-fuzz.test.ts.
 */

function board(clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  createItem(doc, { type: 'note', x: 5000, y: 0, text: 'instructions', locked: true })
  const free = createItem(doc, { type: 'note', x: 0, y: 0, text: 'free' })
  createItem(doc, { type: 'frame', x: 0, y: 0, w: 100, h: 100 })
  setItemText(doc, free, 'free text, longer')
  return doc
}

function replicaOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

/** Every text's units in list order (deleted ones too), and each item's values, keys sorted. */
function readBack(doc: Y.Doc): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value
  const texts: string[] = []
  for (const [id, item] of [...itemsMap(doc).entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const text = item instanceof Y.Map ? item.get('text') : null
    if (!(text instanceof Y.Text)) continue
    const units: string[] = []
    for (let struct = text._start; struct; struct = struct.right)
      for (let unit = 0; unit < struct.length; unit++)
        units.push(`${struct.id.client}:${struct.id.clock + unit}`)
    texts.push(`${id} ${units.join(',')}`)
  }
  return JSON.stringify({ items: sorted(itemsMap(doc).toJSON()), texts })
}

describe('crafted structs', () => {
  it('an update the reader accepts never makes Yjs throw, now or when the board is later cleared', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 6 }), (seed, steps) => {
        const random = seeded(seed)
        const room = board()
        for (let step = 0; step < steps; step++) {
          const update = craftStructs(room, random)
          try {
            inspectUpdate(room, update)
          } catch (error) {
            if (error instanceof MalformedUpdate) continue
            throw error
          }
          accepted++
          const replica = replicaOf(Y.encodeStateAsUpdate(room))
          Y.applyUpdate(replica, update)
          expect(replica.store.pendingStructs).toBeNull()
          expect(replica.store.pendingDs).toBeNull()
          const reread = replicaOf(Y.encodeStateAsUpdate(replica))
          expect(JSON.stringify(reread.toJSON())).toBe(JSON.stringify(replica.toJSON()))
          readItems(replica)
          deleteItems(replica, [...itemsMap(replica).keys()])
          // The room keeps the update: later steps build on what earlier ones left.
          Y.applyUpdate(room, update)
        }
      }),
      { numRuns: 1500 },
    )
    // Not a property that holds vacuously: many crafted updates pass the reader.
    expect(accepted).toBeGreaterThan(500)
  })
})

/**
 * Property: the relay's document, which takes crafted updates one by one and takes back the ones
 * its rules refuse, reads back from its own bytes as it is, text order included (deleted units
 * too: a unit placed apart would place later text apart). Replicas and the store read those
 * bytes: where this fails, they disagree with the relay and with each other.
 */
describe('the relay document', () => {
  const WRITER = { name: 'a participant' }
  const log = { warn: () => {} }

  it('reads back as it is, after any crafted updates the reader accepts and the reverts of refused ones', () => {
    let reverted = 0
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 5, max: 40 }), (seed, steps) => {
        const random = seeded(seed)
        const room = board(1 + Math.floor(random() * 4_000_000_000))
        for (let step = 0; step < steps; step++) {
          const update = craftStructs(room, random)
          try {
            // As the relay: an update under the room's own client id is refused with the rest.
            if (inspectUpdate(room, update).writers.has(room.clientID)) continue
          } catch (error) {
            if (error instanceof MalformedUpdate) continue
            throw error
          }
          const revert = new UpdateRevert(room, [...room.share.values()], [WRITER], itemsMap(room).keys())
          Y.applyUpdate(room, update, WRITER)
          if (random() < 0.6) {
            revert.revert(log)
            reverted++
          }
          revert.destroy()
          expect(readBack(replicaOf(Y.encodeStateAsUpdate(room)))).toBe(readBack(room))
        }
      }),
      { numRuns: 1500 },
    )
    expect(reverted).toBeGreaterThan(500)
  }, 60_000)
})

/**
 * Property: what stock clients write is never refused, however they edit (typing, cutting, moving,
 * creating, deleting, concurrently) and however it reaches the relay: one transaction at a time, or
 * many at once after working offline (a sync answer, with their deleted content collected).
 */
describe('stock clients', () => {
  const anEdit = fc.oneof(
    fc.record({
      kind: fc.constant('type' as const),
      at: fc.nat(),
      /** Typing on from where this client last typed, as people do (null: anywhere). */
      nudge: fc.option(fc.integer({ min: -2, max: 2 })),
      text: fc.string({ minLength: 1, maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('move' as const), x: fc.integer() }),
    fc.record({ kind: fc.constant('create' as const) }),
    fc.record({ kind: fc.constant('delete' as const) }),
  )
  type Edit = typeof anEdit extends fc.Arbitrary<infer T> ? T : never
  const step = fc.record({
    who: fc.nat(2),
    pick: fc.nat(),
    /** Edit, undo or redo one's own edits, send what the room lacks, or take what the room has. */
    act: fc.oneof(
      anEdit,
      anEdit,
      fc.constantFrom(
        { kind: 'undo' as const },
        { kind: 'redo' as const },
        { kind: 'send' as const },
        { kind: 'receive' as const },
      ),
    ),
  })

  it('are never refused, editing and undoing concurrently, sending one change or a whole offline session', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.boolean(), (steps, live) => {
        const room = board()
        const clients = [0, 1, 2].map(() => replicaOf(Y.encodeStateAsUpdate(room)))
        const cursors = [0, 0, 0]
        // Each person's undo, as the client's: it tracks only their own edits (redone many times over).
        const mine = { person: 'one of the clients' }
        const undos = clients.map(
          (client) =>
            new Y.UndoManager(itemsMap(client), { trackedOrigins: new Set([mine]), captureTimeout: 0 }),
        )
        const send = (update: Uint8Array) => {
          expect(() => inspectUpdate(room, update)).not.toThrow()
          Y.applyUpdate(room, update)
        }
        const edit = (client: Y.Doc, id: string | null, act: Edit, who: number) => {
          if (act.kind === 'create') createItem(client, { type: 'note', x: who, y: 0, text: 'idée' })
          else if (!id) return
          else if (act.kind === 'move') updateItem(client, id, { x: act.x })
          else if (act.kind === 'delete') deleteItems(client, [id])
          else {
            const text = itemText(client, id)
            if (!text) return
            const cursor =
              act.kind === 'type' && act.nudge !== null ? (cursors[who] as number) + act.nudge : act.at
            const at = Math.max(0, cursor) % (text.length + 1)
            if (act.kind === 'type') {
              text.insert(at, act.text)
              cursors[who] = at + act.text.length
            } else text.delete(at, Math.min(act.length, text.length - at))
          }
        }
        // A live client sends each transaction as it happens; an offline one sends its session later.
        if (live) for (const client of clients) client.on('update', send)
        for (const { who, pick, act } of steps) {
          const client = clients[who] as Y.Doc
          const undo = undos[who] as Y.UndoManager
          const ids = [...itemsMap(client).keys()].sort()
          const id = ids.length > 0 ? (ids[pick % ids.length] as string) : null
          if (act.kind === 'send') send(Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)))
          else if (act.kind === 'receive')
            Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)))
          else if (act.kind === 'undo') undo.undo()
          else if (act.kind === 'redo') undo.redo()
          else client.transact(() => edit(client, id, act, who), mine)
        }
        for (const client of clients) send(Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)))
      }),
      { numRuns: 2000 },
    )
  }, 60_000)
})
