import { createItem, MessageType, readItems } from '@atelier/shared'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { connectSyncedAs, join, type Person, type Running, startServer } from './facilitation.js'
import { openRaw, waitFor } from './helpers.js'

/** Crafted bytes for the relay: what a modified client could send instead of a stock one's updates. */

/** A sync update frame exactly as y-websocket frames an update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** One map value as a modified client could write it: numbers as `any` content, placed by parent or origin. */
export interface CraftedValue {
  client: number
  clock: number
  /** The item holding the map (with `key`), or… */
  parent?: Y.ID
  key?: string
  /** …the struct it is placed after, whose key it takes, and the one before which it goes. */
  origin?: Y.ID
  right?: Y.ID
  values: number[]
  /** Ranges the update deletes, as [client, clock, length]. */
  deletes?: [number, number, number][]
}

/** A one-struct update (format v1) that no stock client writes: Yjs' own encoder cannot make it. */
export function craftedValue(value: CraftedValue): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // one client
  encoding.writeVarUint(encoder, 1) // one struct
  encoding.writeVarUint(encoder, value.client)
  encoding.writeVarUint(encoder, value.clock)
  const CONTENT_ANY = 8
  if (value.origin) {
    encoding.writeUint8(encoder, CONTENT_ANY | 128 | (value.right ? 64 : 0))
    for (const id of value.right ? [value.origin, value.right] : [value.origin]) {
      encoding.writeVarUint(encoder, id.client)
      encoding.writeVarUint(encoder, id.clock)
    }
  } else if (value.parent && value.key !== undefined) {
    encoding.writeUint8(encoder, CONTENT_ANY | 32)
    encoding.writeVarUint(encoder, 0) // parent by id
    encoding.writeVarUint(encoder, value.parent.client)
    encoding.writeVarUint(encoder, value.parent.clock)
    encoding.writeVarString(encoder, value.key)
  } else throw new Error('a crafted value needs an origin, or a parent and a key')
  encoding.writeVarUint(encoder, value.values.length)
  for (const number of value.values) encoding.writeAny(encoder, number)
  const deletes = value.deletes ?? []
  encoding.writeVarUint(encoder, deletes.length)
  for (const [client, clock, length] of deletes) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint(encoder, length)
  }
  return encoding.toUint8Array(encoder)
}

/** A replica of `doc`'s current state, writing as `clientID` (a fresh one by default). */
export function copyOf(doc: Y.Doc, clientID?: number): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  // Set after loading: Yjs picks a new id when an update brings structs of its own.
  if (clientID !== undefined) copy.clientID = clientID
  return copy
}

/** The update `change` makes on `doc`, as the doc's `update` event gives it. */
export function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  try {
    change()
  } finally {
    doc.off('update', collect)
  }
  if (updates.length === 0) throw new Error('the change made no update')
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
}

/** A raw socket into a room, as `person`, remembering how it was closed. */
export async function rawAs(
  sync: string,
  room: string,
  person: Person,
): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = await openRaw(`${sync}/${room}?token=${person.token}&person=${person.credential}`)
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  return { ws, closed }
}

/**
 * Records every close a stock client sees (a room failure closes everyone with 1011), as it
 * happens, into `codes` (several clients may share one list), and returns that list.
 */
export function closesOf(provider: WebsocketProvider, codes: number[] = []): number[] {
  provider.on('connection-close', (event) => {
    codes.push(event?.code ?? 0)
  })
  return codes
}

/** A board under attack: a locked note and a free one, and stock clients synced on it. */
export interface LockedNoteBoard extends Running {
  lead: Person
  /** The participants, the first of whom the tests play as the attacker. */
  members: Person[]
  facilitator: WebsocketProvider
  participants: WebsocketProvider[]
  observer: WebsocketProvider
  /** Every close the stock clients saw: a room failure shows here as 1011. */
  closes: number[]
  lockedId: string
  freeId: string
}

/**
 * A facilitator's board with a locked note (x 5000, "instructions") and a free note (x 0, "free"),
 * and the facilitator, `participants` participants and an observer connected with stock clients,
 * each of whom has both notes.
 */
export async function lockedNoteBoard(participants = 1, facilitatorDoc?: Y.Doc): Promise<LockedNoteBoard> {
  const running = await startServer()
  const { app, board, sync } = running
  const [lead, watcher, ...members] = await Promise.all([
    join(app, board, 'facilitator'),
    join(app, board, 'observer'),
    ...Array.from({ length: participants }, () => join(app, board, 'participant')),
  ])
  if (!lead || !watcher) throw new Error('the board refused its people')
  const facilitator = await connectSyncedAs(sync, board.id, lead, facilitatorDoc)
  const lockedId = createItem(facilitator.doc, {
    type: 'note',
    x: 5000,
    y: 0,
    text: 'instructions',
    locked: true,
  })
  const freeId = createItem(facilitator.doc, { type: 'note', x: 0, y: 0, text: 'free' })
  const others: WebsocketProvider[] = []
  for (const member of members) others.push(await connectSyncedAs(sync, board.id, member))
  const observer = await connectSyncedAs(sync, board.id, watcher)
  for (const client of [...others, observer])
    await waitFor(() => readItems(client.doc).length === 2, 'every client to see both notes')
  // One live list for all of them: a copy made now would stay empty whatever happened later.
  const closes: number[] = []
  for (const client of [facilitator, ...others, observer]) closesOf(client, closes)
  return { ...running, lead, members, facilitator, participants: others, observer, closes, lockedId, freeId }
}
