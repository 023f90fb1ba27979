import {
  CloseCode,
  createItem,
  type ItemSnapshot,
  itemsMap,
  MessageType,
  readItems,
  SyncMessageType,
  setItemText,
  updateItem,
} from '@atelier/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readDocument } from '../src/store/documents.js'
import {
  copyOf,
  craftedValue,
  type LockedNoteBoard,
  lockedNoteBoard,
  rawAs,
  updateFrame,
  updateOf,
} from './crafted.js'
import { connectSyncedAs, join, type Person, relayedUpTo } from './facilitation.js'
import { waitFor } from './helpers.js'

/** Attacks on the relay's update path with crafted bytes: each must leave the room and its rules standing. */

interface Workshop extends LockedNoteBoard {
  member: Person
  participant: WebsocketProvider
}

const LOCKED: Partial<ItemSnapshot> = { x: 5000, y: 0, text: 'instructions', locked: true }

/** `facilitatorDoc`: the facilitator's document, to fix the client id they write with. */
async function workshop(facilitatorDoc?: Y.Doc): Promise<Workshop> {
  const board = await lockedNoteBoard(1, facilitatorDoc)
  const [member] = board.members
  const [participant] = board.participants
  if (!member || !participant) throw new Error('no participant on the board')
  return { ...board, member, participant }
}

function itemOf(doc: Y.Doc, id: string): ItemSnapshot | undefined {
  return readItems(doc).find((item) => item.id === id)
}

function matches(actual: ItemSnapshot | undefined, expected: Partial<ItemSnapshot>): boolean {
  return (
    actual !== undefined &&
    Object.entries(expected).every(([key, value]) => actual[key as keyof ItemSnapshot] === value)
  )
}

/** The board still relays and stores: a facilitator edit reaches the observer and the store. */
async function stillSyncing(setup: Workshop, text: string): Promise<void> {
  setItemText(setup.facilitator.doc, setup.freeId, text)
  await waitFor(
    () => itemOf(setup.observer.doc, setup.freeId)?.text === text,
    `"${text}" to reach the observer`,
  )
  const stored = await readDocument(setup.store, setup.board.id)
  expect(itemOf(stored, setup.freeId)?.text).toBe(text)
}

/** A note the facilitator adds reaches the observer and the store: the room still relays and stores. */
async function stillRelaysANewNote(setup: Workshop, text: string): Promise<void> {
  const id = createItem(setup.facilitator.doc, { type: 'note', x: 900, y: 900, text })
  await waitFor(() => itemOf(setup.observer.doc, id)?.text === text, `"${text}" to reach the observer`)
  const stored = await readDocument(setup.store, setup.board.id)
  expect(itemOf(stored, id)?.text).toBe(text)
}

/**
 * Resolves once the relay handled what a raw socket sent: it asks for the document after its
 * update, and the relay answers only once that update is stored and forwarded, or it closes the
 * socket it refused.
 */
function handled(raw: { ws: WebSocket; closed: Promise<number> }): Promise<void> {
  const answered = new Promise<void>((resolve) => {
    raw.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.sync) return
      if (decoding.readVarUint(decoder) === SyncMessageType.step2) resolve()
    })
  })
  const request = encoding.createEncoder()
  encoding.writeVarUint(request, MessageType.sync)
  syncProtocol.writeSyncStep1(request, new Y.Doc())
  raw.ws.send(encoding.toUint8Array(request))
  return Promise.race([answered, raw.closed.then(() => {})])
}

/** The locked note is as the facilitator left it on every replica and in the store, and nothing waits in Yjs. */
async function lockedNoteIntact(setup: Workshop, expected: Partial<ItemSnapshot> = LOCKED): Promise<void> {
  for (const provider of [setup.facilitator, setup.participant, setup.observer]) {
    await waitFor(
      () => matches(itemOf(provider.doc, setup.lockedId), expected),
      'the locked note on every replica',
    )
  }
  const stored = await readDocument(setup.store, setup.board.id)
  expect(itemOf(stored, setup.lockedId)).toMatchObject(expected)
  expect(stored.store.pendingStructs).toBeNull()
  expect(stored.store.pendingDs).toBeNull()
  const pending = await setup.app.relay.withRoom({ boardId: setup.board.id, kind: 'board' }, (room) => ({
    structs: room.doc.store.pendingStructs,
    deletes: room.doc.store.pendingDs,
  }))
  expect(pending).toEqual({ structs: null, deletes: null })
}

/**
 * Sends `valid` 80 times with one bit flipped, each on a socket of its own, and resolves with the
 * sockets once the relay has handled every one.
 */
async function sendBitFlips(setup: Workshop, valid: Uint8Array) {
  const sockets = []
  for (let i = 0; i < 80; i++) {
    const flipped = new Uint8Array(valid)
    const bit = (i * 7919) % (flipped.length * 8)
    flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7))
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(flipped))
    sockets.push({ ...raw, handled: handled(raw) })
  }
  await Promise.all(sockets.map((socket) => socket.handled))
  return sockets
}

/**
 * Sends the bit flips of `valid`; then the room must still relay a new note, the locked note be
 * intact, and no socket have been closed by the relay.
 */
async function expectBitFlipsHarmless(setup: Workshop, valid: Uint8Array): Promise<void> {
  const sockets = await sendBitFlips(setup, valid)
  await stillRelaysANewNote(setup, 'after the bit flips')
  await lockedNoteIntact(setup)
  for (const { ws } of sockets) ws.close()
  expect(setup.closes).toEqual([])
}

/** Everything a hostile participant would change on the locked note, as one update. */
function hijack(doc: Y.Doc, lockedId: string): Uint8Array {
  return updateOf(doc, () =>
    doc.transact(() => {
      updateItem(doc, lockedId, { x: 1, y: 1 })
      setItemText(doc, lockedId, 'hijacked')
      const note = itemsMap(doc).get(lockedId)
      note?.delete('locked')
      note?.set('author', 'forged')
      note?.set('createdAt', 1)
    }),
  )
}

describe('relay validation of writers’ updates', () => {
  it('refuses a truncated update whole: nothing of it is applied, stored or forwarded', async () => {
    const setup = await workshop()
    const update = hijack(copyOf(setup.participant.doc), setup.lockedId)
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(update.subarray(0, update.length - 1)))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)

    await stillSyncing(setup, 'after the truncated update')
    await lockedNoteIntact(setup)
    expect(setup.closes).toEqual([])
  })

  it('refuses an update followed by trailing bytes', async () => {
    const setup = await workshop()
    const copy = copyOf(setup.participant.doc)
    const update = updateOf(copy, () => updateItem(copy, setup.freeId, { x: 99 }))
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(new Uint8Array([...update, 0])))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)
    await stillSyncing(setup, 'after trailing bytes')
    expect(itemOf(await readDocument(setup.store, setup.board.id), setup.freeId)?.x).toBe(0)
  })

  it('reverts junk in items, and junk already there never stops honest edits', async () => {
    const setup = await workshop()
    const { app, board, sync, facilitator, participant, observer } = setup
    // Written by a trusted writer (as an older version could have let in): stays, harms nothing.
    ;(itemsMap(facilitator.doc) as Y.Map<unknown>).set('legacy', 'not an item')
    await waitFor(() => itemsMap(observer.doc).has('legacy'), 'the legacy junk to reach the observer')

    ;(itemsMap(participant.doc) as Y.Map<unknown>).set('junk', 5)
    const typeless = new Y.Map<unknown>()
    typeless.set('x', 'far away')
    ;(itemsMap(participant.doc) as Y.Map<unknown>).set('typeless', typeless)
    await relayedUpTo(participant, facilitator, 'junk sent')
    for (const provider of [facilitator, participant, observer]) {
      await waitFor(
        () => !itemsMap(provider.doc).has('junk') && !itemsMap(provider.doc).has('typeless'),
        'the junk to be reverted everywhere',
      )
    }

    const other = await connectSyncedAs(sync, board.id, await join(app, board, 'participant'))
    const theirs = createItem(other.doc, { type: 'note', x: 300, y: 300, text: 'honest' })
    updateItem(participant.doc, setup.freeId, { x: 77 })
    const lead = createItem(facilitator.doc, { type: 'note', x: 600, y: 600, text: 'lead' })
    for (const provider of [facilitator, participant, observer, other]) {
      await waitFor(
        () =>
          itemOf(provider.doc, theirs)?.text === 'honest' &&
          itemOf(provider.doc, lead)?.text === 'lead' &&
          itemOf(provider.doc, setup.freeId)?.x === 77,
        'the honest edits on every replica',
      )
    }
    const stored = await readDocument(setup.store, board.id)
    expect(itemOf(stored, theirs)?.text).toBe('honest')
    expect(itemOf(stored, lead)?.text).toBe('lead')
    expect(itemOf(stored, setup.freeId)?.x).toBe(77)
    expect(itemsMap(stored).has('junk')).toBe(false)
    expect(itemsMap(stored).get('legacy')).toBe('not an item')
    expect(setup.closes).toEqual([])
  })

  it('reverts values of the wrong type and writes outside items', async () => {
    const setup = await workshop()
    const { facilitator, participant, observer, freeId } = setup
    itemsMap(participant.doc).get(freeId)?.set('x', 'left')
    participant.doc.getMap('meta').set('schemaVersion', 99)
    itemsMap(participant.doc).get(freeId)?.set('y', 33)
    await relayedUpTo(participant, facilitator, 'wrong types sent')
    for (const provider of [facilitator, participant, observer]) {
      await waitFor(
        () =>
          itemsMap(provider.doc).get(freeId)?.get('x') === 0 &&
          itemsMap(provider.doc).get(freeId)?.get('y') === 33 &&
          provider.doc.getMap('meta').get('schemaVersion') !== 99,
        'the wrong values to be reverted, the honest one kept',
      )
    }
    expect(setup.closes).toEqual([])
  })

  it("keeps a note's text a Y.Text: a participant may neither delete it nor make it a string", async () => {
    // The fuzz test met it: a damaged update deleted the free note's text, which the relay let
    // through, and a note without its Y.Text is one nobody can edit any more.
    const setup = await workshop()
    const { facilitator, participant, observer, freeId } = setup
    const texts = (provider: WebsocketProvider) => itemsMap(provider.doc).get(freeId)?.get('text')
    itemsMap(participant.doc).get(freeId)?.delete('text')
    itemsMap(participant.doc).get(freeId)?.set('y', 51)
    await waitFor(() => itemOf(facilitator.doc, freeId)?.y === 51, 'the edit after the deletion')
    itemsMap(participant.doc).get(freeId)?.set('text', 'plain')
    itemsMap(participant.doc).get(freeId)?.set('y', 52)
    await waitFor(() => itemOf(facilitator.doc, freeId)?.y === 52, 'the edit after the string')
    for (const provider of [facilitator, participant, observer]) {
      await waitFor(() => texts(provider) instanceof Y.Text, 'the Y.Text back on every replica')
    }
    // Nor may a note be made without one.
    const bare = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({ type: 'note', x: 0, y: 0, w: 200, h: 200 }))
      bare.set(key, value)
    itemsMap(participant.doc).set('bare-note', bare)
    itemsMap(participant.doc).get(freeId)?.set('y', 53)
    await waitFor(() => itemOf(facilitator.doc, freeId)?.y === 53, 'the edit after the bare note')
    expect(itemsMap(facilitator.doc).has('bare-note')).toBe(false)
    // And it still takes an honest edit, on every replica and in the store.
    await stillSyncing(setup, 'edited again')
    expect(setup.closes).toEqual([])
  })

  it('reverts a frame zone outside the frame or without a title, keeps one that reads, and refuses an example mark', async () => {
    const setup = await workshop()
    const { facilitator, participant, observer, freeId } = setup
    const rawZones = (provider: WebsocketProvider) => itemsMap(provider.doc).get(freeId)?.get('zones')
    const send = async (zones: unknown, y: number) => {
      itemsMap(participant.doc).get(freeId)?.set('zones', zones)
      itemsMap(participant.doc).get(freeId)?.set('y', y)
      await waitFor(
        () => itemOf(facilitator.doc, freeId)?.y === y,
        `the edit after zones ${JSON.stringify(zones)}`,
      )
    }
    await send([{ title: 'Plutôt ouverte', x: 3, y: 0.5 }], 41)
    expect(rawZones(facilitator)).toBeUndefined()
    await send([{ title: ' ', x: 0.5, y: 0.5 }], 42)
    expect(rawZones(facilitator)).toBeUndefined()
    await send([{ title: 'Ouverte', x: 0.9, y: 0.5 }], 43)
    expect(rawZones(facilitator)).toEqual([{ title: 'Ouverte', x: 0.9, y: 0.5 }])
    await waitFor(
      () =>
        rawZones(participant) !== undefined && itemOf(observer.doc, freeId)?.zones?.[0]?.title === 'Ouverte',
      'the zone on every replica',
    )
    // Marking a note as an example would take it out of every vote: a participant may not.
    itemsMap(participant.doc).get(freeId)?.set('example', true)
    itemsMap(participant.doc).get(freeId)?.set('y', 44)
    await waitFor(() => itemOf(facilitator.doc, freeId)?.y === 44, 'the edit after the example mark')
    expect(itemsMap(facilitator.doc).get(freeId)?.get('example')).toBeUndefined()
    expect(setup.closes).toEqual([])
  })

  it('survives bit-flipped updates: the room never fails and the lock holds', async () => {
    const setup = await workshop()
    // A new note, not the free one: a flip can turn the update into a valid deletion of it (the
    // last deleted range one longer reaches the free note's entry when the facilitator's client id
    // takes four bytes), which a participant may make.
    await expectBitFlipsHarmless(setup, hijack(copyOf(setup.participant.doc), setup.lockedId))
  }, 90_000)

  it("puts a locked note's text back whole when a refused update deleted the text itself", async () => {
    // Client ids the bit-flip test met: its 80th flip deletes the locked note's Y.Text, and the
    // UndoManager's revert made the text again with "i" in it instead of "instructions".
    const facilitatorDoc = new Y.Doc()
    facilitatorDoc.clientID = 174733894
    const setup = await workshop(facilitatorDoc)
    await expectBitFlipsHarmless(setup, hijack(copyOf(setup.participant.doc, 207388625), setup.lockedId))
  }, 90_000)

  it('refuses a struct that waits for the facilitator’s next one (no lock bypass through Yjs’ pending structs)', async () => {
    const setup = await workshop()
    const { facilitator, lockedId } = setup
    // The facilitator's next struct, foreseen on a copy writing with the facilitator's client id…
    const foreseen = copyOf(facilitator.doc, facilitator.doc.clientID)
    updateItem(foreseen, lockedId, { x: 42 })
    // …and a participant's change of the locked note placed right after it.
    const attacker = copyOf(foreseen)
    const before = Y.encodeStateVector(attacker)
    updateItem(attacker, lockedId, { x: 1 })
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(Y.encodeStateAsUpdate(attacker, before)))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)

    updateItem(facilitator.doc, lockedId, { x: 42 })
    await lockedNoteIntact(setup, { ...LOCKED, x: 42 })
    expect(setup.closes).toEqual([])
  })

  it('refuses structs written under the facilitator’s client id (its own would then be dropped)', async () => {
    const setup = await workshop()
    const { facilitator, observer, freeId } = setup
    // The free note moved by a struct at the facilitator's next clock, sent by a participant.
    const squatter = copyOf(facilitator.doc, facilitator.doc.clientID)
    const squat = updateOf(squatter, () => updateItem(squatter, freeId, { x: 1 }))
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(squat))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)

    updateItem(facilitator.doc, freeId, { x: 42 })
    await waitFor(
      () => itemOf(observer.doc, freeId)?.x === 42,
      'the facilitator’s move to reach the observer',
    )
    expect(itemOf(await readDocument(setup.store, setup.board.id), freeId)?.x).toBe(42)
    expect(setup.closes).toEqual([])
  })

  it("refuses structs written under the relay's client id (Yjs would give the room another one)", async () => {
    const setup = await workshop()
    const { participant, freeId, lockedId } = setup
    const target = { boardId: setup.board.id, kind: 'board' as const }
    // Anyone learns it from the relay's corrections: here read from the room itself.
    const relayId = await setup.app.relay.withRoom(target, (room) => room.doc.clientID)
    const squatter = copyOf(participant.doc, relayId)
    const squat = updateOf(squatter, () => updateItem(squatter, freeId, { x: 7 }))
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(squat))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)

    expect(await setup.app.relay.withRoom(target, (room) => room.doc.clientID)).toBe(relayId)
    // The relay still takes back a refused edit under its own id, and the lock holds.
    const raw2 = await rawAs(setup.sync, setup.board.id, setup.member)
    raw2.ws.send(updateFrame(hijack(copyOf(participant.doc), lockedId)))
    await handled(raw2)
    raw2.ws.close()
    await lockedNoteIntact(setup)
    expect(setup.closes).toEqual([])
  })

  it('refuses an empty deletion, which Yjs fails on after applying the rest (the room would go down)', async () => {
    const setup = await workshop()
    const { facilitator, participant } = setup
    // As the fuzz test met it: an honest change whose delete set became one range of 0 units,
    // beyond what the document holds.
    const copy = copyOf(participant.doc)
    const created = updateOf(copy, () =>
      createItem(copy, { type: 'note', x: 0, y: 0, text: 'empty deletion' }),
    )
    expect(Y.decodeUpdate(created).ds.clients.size).toBe(0)
    const crafted = encoding.createEncoder()
    encoding.writeUint8Array(crafted, created.subarray(0, created.length - 1))
    encoding.writeVarUint(crafted, 1) // one client in the delete set, instead of none
    encoding.writeVarUint(crafted, facilitator.doc.clientID)
    encoding.writeVarUint(crafted, 1)
    encoding.writeVarUint(crafted, Y.getState(facilitator.doc.store, facilitator.doc.clientID) + 32)
    encoding.writeVarUint(crafted, 0)
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(encoding.toUint8Array(crafted)))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)

    await stillSyncing(setup, 'after the empty deletion')
    const stored = await readDocument(setup.store, setup.board.id)
    expect(readItems(stored).map((item) => item.text)).not.toContain('empty deletion')
    expect(setup.closes).toEqual([])
  })

  it('refuses a map value of several live units, which would fail the room once its note is deleted', async () => {
    const setup = await workshop()
    const { participant, freeId } = setup
    const note = itemsMap(participant.doc).get(freeId)
    const x = note?._map.get('x')
    if (!x) throw new Error('the free note has no x')
    // The note's x set to two values at once, then a value placed between them (splitting the
    // struct), then the note deleted as a participant may: Yjs, collecting the deleted note, meets
    // the first half still live and throws after applying the deletion.
    const crafter = 424242
    const twoValues = craftedValue({ client: crafter, clock: 0, origin: x.lastId, values: [1, 2] })
    const between = craftedValue({ client: crafter, clock: 2, origin: Y.createID(crafter, 0), values: [3] })
    // Deleting the note deletes its map's item: the same bytes with or without the values above.
    const local = copyOf(participant.doc)
    const deletion = updateOf(local, () => itemsMap(local).delete(freeId))
    const outcomes: number[] = []
    for (const update of [twoValues, between, deletion]) {
      const raw = await rawAs(setup.sync, setup.board.id, setup.member)
      raw.ws.send(updateFrame(update))
      await handled(raw)
      outcomes.push(await Promise.race([raw.closed, Promise.resolve(0)]))
      raw.ws.close()
    }
    // The first is refused, the second then depends on nothing the room holds, the deletion goes through.
    expect(outcomes.slice(0, 2)).toEqual([CloseCode.unsupportedData, CloseCode.unsupportedData])
    await waitFor(() => !itemsMap(setup.observer.doc).has(freeId), 'the deletion to reach the observer')
    await stillRelaysANewNote(setup, 'after the split map value')
    expect(setup.closes).toEqual([])
  })

  it('refuses a deletion of what the facilitator has not written yet', async () => {
    const setup = await workshop()
    const { facilitator, lockedId } = setup
    const client = facilitator.doc.clientID
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // no structs
    encoding.writeVarUint(encoder, 1) // one client in the delete set
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, 1) // one range: the facilitator's next struct
    encoding.writeVarUint(encoder, Y.getState(facilitator.doc.store, client))
    encoding.writeVarUint(encoder, 1)
    const raw = await rawAs(setup.sync, setup.board.id, setup.member)
    raw.ws.send(updateFrame(encoding.toUint8Array(encoder)))
    expect(await raw.closed).toBe(CloseCode.unsupportedData)

    updateItem(facilitator.doc, lockedId, { x: 42 })
    await lockedNoteIntact(setup, { ...LOCKED, x: 42 })
    expect(setup.closes).toEqual([])
  })
})
