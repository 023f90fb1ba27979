import { MessageType } from '@atelier/shared'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Person } from './facilitation.js'
import { openRaw } from './helpers.js'

/** Crafted bytes for the relay: what a modified client could send instead of a stock one's updates. */

/** A sync update frame exactly as y-websocket frames an update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
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

/** Records every close a stock client sees (a room failure closes everyone with 1011). */
export function closesOf(provider: WebsocketProvider): number[] {
  const codes: number[] = []
  provider.on('connection-close', (event) => {
    codes.push(event?.code ?? 0)
  })
  return codes
}
