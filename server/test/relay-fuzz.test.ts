import {
  CloseCode,
  createItem,
  deleteItems,
  itemsMap,
  itemText,
  MessageType,
  readItems,
  SyncMessageType,
  setItemText,
  updateItem,
} from '@atelier/shared'
import fc from 'fast-check'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readDocument } from '../src/store/documents.js'
import { copyOf, type LockedNoteBoard, lockedNoteBoard, rawAs, updateFrame, updateOf } from './crafted.js'
import { craftStructs, seeded } from './craftedStructs.js'
import { converged, type Person } from './facilitation.js'
import { waitFor } from './helpers.js'

/**
 * Property: whatever a participant sends (valid updates of any change, cut, bit-flipped, padded,
 * spliced, or whole frames damaged), the room never fails, the locked note never changes, and the
 * stored document is what every client converged to. Bounded in runs and time.
 */

const CHANGES = [
  'edit-locked',
  'move-free',
  'text-free',
  'create',
  'delete-free',
  'junk',
  'lock-free',
] as const
type Change = (typeof CHANGES)[number]

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; bits: number[] }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'drop'; at: number; count: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), bits: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
)

function mutate(bytes: Uint8Array, how: Mutation): Uint8Array {
  const out = [...bytes]
  switch (how.kind) {
    case 'none':
      break
    case 'truncate':
      out.length = how.at % Math.max(1, out.length)
      break
    case 'flip':
      for (const bit of how.bits) {
        const at = bit % (out.length * 8)
        out[at >> 3] = (out[at >> 3] as number) ^ (1 << (at & 7))
      }
      break
    case 'insert':
      out.splice(how.at % (out.length + 1), 0, ...how.bytes)
      break
    case 'drop':
      out.splice(how.at % Math.max(1, out.length), how.count)
      break
  }
  return new Uint8Array(out)
}

const action = fc.record({
  change: fc.constantFrom(...CHANGES),
  mutation,
  /** Damage the update inside a well-formed frame, or the frame itself. */
  frame: fc.boolean(),
  /** An honest edit another participant makes meanwhile. */
  honest: fc.boolean(),
})

/** The changes of the free note: none of them changes anything once it is gone. */
const FREE_NOTE_CHANGES: ReadonlySet<Change> = new Set(['move-free', 'text-free', 'lock-free'])

function change(doc: Y.Doc, wanted: Change, ids: { lockedId: string; freeId: string }): Uint8Array {
  // A damaged update may have deleted the free note, which a participant may do: then a note is
  // made instead, so every action still sends an update.
  const free = itemsMap(doc).get(ids.freeId)
  // Locking a note already locked would send nothing: a note is made instead there too.
  const noop = wanted === 'lock-free' && free?.get('locked') === true
  const what = FREE_NOTE_CHANGES.has(wanted) && (!free || noop) ? 'create' : wanted
  // The relay keeps a note's text a Y.Text (item-schema): without it, "text-free" could not write.
  if (what === 'text-free' && !itemText(doc, ids.freeId)) {
    throw new Error('the free note lost its Y.Text: the relay let an update take it')
  }
  return updateOf(doc, () => {
    switch (what) {
      case 'edit-locked':
        updateItem(doc, ids.lockedId, { x: 1 })
        setItemText(doc, ids.lockedId, 'hijacked')
        break
      case 'move-free':
        // Never where it already is, which would send nothing.
        updateItem(doc, ids.freeId, { x: Number(free?.get('x') ?? 0) + 1 + Math.round(Math.random() * 1000) })
        break
      case 'text-free':
        setItemText(doc, ids.freeId, `text ${Math.random()}`)
        break
      case 'create':
        createItem(doc, { type: 'note', x: 100, y: 100, text: 'fuzz' })
        break
      case 'delete-free': {
        const mine = readItems(doc).find((item) => item.text === 'fuzz')
        if (mine) deleteItems(doc, [mine.id])
        else createItem(doc, { type: 'note', x: 200, y: 200, text: 'fuzz' })
        break
      }
      case 'junk':
        ;(itemsMap(doc) as Y.Map<unknown>).set(`junk-${Math.random()}`, Math.random())
        break
      case 'lock-free':
        updateItem(doc, ids.freeId, { locked: true })
        break
    }
  })
}

/** A sync step 1 request: its answer (step 2) on the same socket means everything before it was handled. */
function syncRequest(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

function isSyncReply(data: Buffer): boolean {
  const decoder = decoding.createDecoder(new Uint8Array(data))
  return (
    decoding.readVarUint(decoder) === MessageType.sync &&
    decoding.readVarUint(decoder) === SyncMessageType.step2
  )
}

function itemsJson(doc: Y.Doc): string {
  const entries = Object.entries(itemsMap(doc).toJSON()).sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify(entries)
}

/** Sends one message on a fresh socket as `person`; the close code when the relay refused it, else null. */
async function sendAs(setup: LockedNoteBoard, person: Person, message: Uint8Array): Promise<number | null> {
  const raw = await rawAs(setup.sync, setup.board.id, person)
  const handled = new Promise<null>((resolve) =>
    raw.ws.on('message', (data: Buffer) => {
      if (isSyncReply(data)) resolve(null)
    }),
  )
  raw.ws.send(message)
  raw.ws.send(syncRequest())
  const outcome = await Promise.race([raw.closed, handled])
  raw.ws.close()
  return outcome
}

/** Every client converged, the store holds what they hold, the locked note is as it was, no client was closed. */
async function expectIntact(setup: LockedNoteBoard, clients: WebsocketProvider[]): Promise<void> {
  const { facilitator, store, board, lockedId, closes } = setup
  for (const client of clients) await converged(client, facilitator, 'every client to converge')
  const stored = await readDocument(store, board.id)
  const everyone = itemsJson(facilitator.doc)
  for (const client of clients) expect(itemsJson(client.doc)).toBe(everyone)
  expect(itemsJson(stored)).toBe(everyone)
  expect(readItems(stored).find((item) => item.id === lockedId)).toMatchObject({
    x: 5000,
    text: 'instructions',
    locked: true,
  })
  expect(stored.store.pendingStructs).toBeNull()
  expect(closes).toEqual([])
}

describe('relay fuzzing', () => {
  it('never fails a room and stores what every client converged to, whatever a participant sends', async () => {
    const setup = await lockedNoteBoard(2)
    const { facilitator, observer, lockedId, freeId } = setup
    const [member] = setup.members
    const [participant, bystander] = setup.participants
    if (!member || !participant || !bystander) throw new Error('two participants expected')
    const clients: WebsocketProvider[] = [facilitator, participant, bystander, observer]
    for (const client of clients) await converged(client, facilitator, 'the first sync')
    const refusedWith = new Set<number>()

    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 3 }), async (actions) => {
        for (const { change: what, mutation: how, frame, honest } of actions) {
          const update = change(copyOf(participant.doc), what, { lockedId, freeId })
          const message = frame ? mutate(updateFrame(update), how) : updateFrame(mutate(update, how))
          const outcome = await sendAs(setup, member, message)
          if (outcome !== null) refusedWith.add(outcome)
          if (honest) updateItem(bystander.doc, freeId, { y: Math.round(Math.random() * 1000) })
        }
        await expectIntact(setup, clients)
      }),
      { numRuns: 40, interruptAfterTimeLimit: 6000, markInterruptAsFailure: false, endOnFailure: true },
    )
    // A damaged message closes its sender with 1003 (1009 / 1002 for what ws itself refuses), never more.
    for (const code of refusedWith)
      expect([CloseCode.unsupportedData, 1002, 1005, 1006, 1007]).toContain(code)
    await waitFor(() => facilitator.wsconnected && observer.wsconnected, 'the clients to stay connected')
  }, 60_000)

  it('never fails a room, whatever structs a participant crafts, and keeps what every client holds', async () => {
    const setup = await lockedNoteBoard(1)
    const [member] = setup.members
    const [participant] = setup.participants
    if (!member || !participant) throw new Error('a participant expected')
    const clients: WebsocketProvider[] = [setup.facilitator, participant, setup.observer]
    for (const client of clients) await converged(client, setup.facilitator, 'the first sync')
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const random = seeded(seed)
        for (let step = 0; step < 3; step++) {
          const update = craftStructs(copyOf(participant.doc), random)
          const outcome = await sendAs(setup, member, updateFrame(update))
          if (outcome === null) accepted++
          else expect(outcome).toBe(CloseCode.unsupportedData)
        }
        await expectIntact(setup, clients)
      }),
      { numRuns: 60, interruptAfterTimeLimit: 8000, markInterruptAsFailure: false, endOnFailure: true },
    )
    // Not vacuous: some crafted updates get through the reader, to the rules and the document.
    expect(accepted).toBeGreaterThan(0)
  }, 60_000)
})
