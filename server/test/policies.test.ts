import {
  createItem,
  deleteItems,
  type ItemSnapshot,
  itemsMap,
  itemText,
  readItems,
  readSessionState,
  setItemText,
  updateItem,
  writeSessionState,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readDocument } from '../src/store/documents.js'
import { protectedItemIds } from '../src/sync/policies/locks.js'
import { createdItemIds, itemsWithKeyChanged, touchedItemIds } from '../src/sync/policies/transactions.js'
import { connectSyncedAs, join, type Running, relayedUpTo, startServer } from './facilitation.js'
import { waitFor } from './helpers.js'

describe('protectedItemIds', () => {
  function board(): Y.Doc {
    const doc = new Y.Doc()
    createItem(doc, { id: 'frame', type: 'frame', x: 0, y: 0, w: 1000, h: 1000 })
    createItem(doc, { id: 'inside', type: 'note', x: 100, y: 100, w: 100, h: 100 })
    createItem(doc, { id: 'outside', type: 'note', x: 2000, y: 0, w: 100, h: 100 })
    createItem(doc, { id: 'pinned', type: 'note', x: 3000, y: 0, w: 100, h: 100, locked: true })
    return doc
  }
  const all = ['frame', 'inside', 'outside', 'pinned']

  it('protects locked items only when no frame is locked', () => {
    expect(protectedItemIds(itemsMap(board()), all, [])).toEqual(new Set(['pinned']))
  })

  it('protects a locked frame and every item whose centre it holds', () => {
    expect(protectedItemIds(itemsMap(board()), all, ['frame'])).toEqual(
      new Set(['frame', 'inside', 'pinned']),
    )
  })

  it('looks only at the candidates, and junk entries protect nothing', () => {
    const doc = board()
    ;(itemsMap(doc) as Y.Map<unknown>).set('junk', 5)
    expect(protectedItemIds(itemsMap(doc), ['inside', 'junk', 'gone'], ['frame', 'junk'])).toEqual(
      new Set(['inside']),
    )
  })
})

describe('what a transaction did to items', () => {
  function transactionOf(doc: Y.Doc, change: () => void): Y.Transaction {
    let captured: Y.Transaction | null = null
    const capture = (transaction: Y.Transaction) => {
      captured = transaction
    }
    doc.on('afterTransaction', capture)
    doc.transact(change)
    doc.off('afterTransaction', capture)
    if (!captured) throw new Error('no transaction')
    return captured
  }

  it('tells created, touched (at any depth) and re-keyed items apart', () => {
    const doc = new Y.Doc()
    const existing = createItem(doc, { type: 'note', x: 0, y: 0, text: 'a' })
    const other = createItem(doc, { type: 'note', x: 0, y: 0 })
    let created = ''
    const transaction = transactionOf(doc, () => {
      created = createItem(doc, { type: 'note', x: 0, y: 0 })
      itemText(doc, existing)?.insert(1, 'b')
      itemsMap(doc).get(other)?.set('locked', true)
    })
    expect(createdItemIds(transaction)).toEqual(new Set([created]))
    expect(touchedItemIds(transaction)).toEqual(new Set([created, existing, other]))
    expect(itemsWithKeyChanged(transaction, ['locked'])).toEqual(new Set([other]))
  })

  it('sees a deleted item as touched', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 0, y: 0 })
    expect(touchedItemIds(transactionOf(doc, () => deleteItems(doc, [id])))).toEqual(new Set([id]))
  })
})

interface LockedBoard extends Running {
  facilitator: WebsocketProvider
  participant: WebsocketProvider
  observer: WebsocketProvider
  participantId: string
  lockedId: string
  framedId: string
  freeId: string
}

/** A board with a locked note, a note inside a locked frame and a free note, seen by three clients. */
async function lockedBoard(): Promise<LockedBoard> {
  const running = await startServer()
  const { app, board, sync } = running
  const [lead, member, watcher] = await Promise.all([
    join(app, board, 'facilitator'),
    join(app, board, 'participant'),
    join(app, board, 'observer'),
  ])
  const facilitator = await connectSyncedAs(sync, board.id, lead)
  const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
  const lockedId = createItem(facilitator.doc, {
    type: 'note',
    x: 5000,
    y: 0,
    text: 'instructions',
    locked: true,
  })
  const frameId = createItem(facilitator.doc, { type: 'frame', x: 0, y: 0, w: 1000, h: 1000 })
  const framedId = createItem(facilitator.doc, { type: 'note', x: 100, y: 100, text: 'template' })
  const freeId = createItem(facilitator.doc, { type: 'note', x: 2000, y: 0, text: 'free' })
  writeSessionState(session.doc, { lockedFrameIds: [frameId] })
  const participant = await connectSyncedAs(sync, board.id, member)
  const observer = await connectSyncedAs(sync, board.id, watcher)
  await waitFor(
    async () =>
      readSessionState(await readDocument(running.store, `${board.id}/session`)).lockedFrameIds.length === 1,
    'the locked frame to be stored',
  )
  await waitFor(() => readItems(participant.doc).length === 4, 'the participant to see every item')
  await waitFor(() => readItems(observer.doc).length === 4, 'the observer to see every item')
  return {
    ...running,
    facilitator,
    participant,
    observer,
    participantId: member.personId,
    lockedId,
    framedId,
    freeId,
  }
}

function item(provider: WebsocketProvider, id: string): ItemSnapshot | undefined {
  return readItems(provider.doc).find((candidate) => candidate.id === id)
}

/** Waits until every replica and the store hold `expected` for the item (undefined: deleted). */
async function everywhere(
  setup: LockedBoard,
  id: string,
  expected: Partial<ItemSnapshot> | undefined,
  what: string,
): Promise<void> {
  const { participant, facilitator, observer, store, board } = setup
  await relayedUpTo(participant, facilitator, what)
  for (const provider of [participant, facilitator, observer]) {
    await waitFor(() => {
      const current = item(provider, id)
      return expected === undefined
        ? current === undefined
        : current !== undefined && matches(current, expected)
    }, `${what} on every replica`)
  }
  const stored = readItems(await readDocument(store, board.id)).find((candidate) => candidate.id === id)
  if (expected === undefined) expect(stored).toBeUndefined()
  else expect(stored && matches(stored, expected), `${what} in the store`).toBe(true)
}

function matches(actual: ItemSnapshot, expected: Partial<ItemSnapshot>): boolean {
  return Object.entries(expected).every(([key, value]) => actual[key as keyof ItemSnapshot] === value)
}

describe('board rules enforced by the relay', () => {
  it('reverts a participant moving, editing or deleting a locked item, on every replica', async () => {
    const setup = await lockedBoard()
    const { participant, lockedId } = setup
    updateItem(participant.doc, lockedId, { x: 1 })
    await everywhere(setup, lockedId, { x: 5000, text: 'instructions', locked: true }, 'move reverted')
    setItemText(participant.doc, lockedId, 'hijacked')
    await everywhere(setup, lockedId, { x: 5000, text: 'instructions' }, 'edit reverted')
    deleteItems(participant.doc, [lockedId])
    await everywhere(setup, lockedId, { x: 5000, text: 'instructions', locked: true }, 'deletion reverted')
    updateItem(participant.doc, lockedId, { w: 10, h: 10 })
    await everywhere(setup, lockedId, { w: 200, h: 200 }, 'resize reverted')
  })

  it('reverts changes to items inside a locked frame', async () => {
    const setup = await lockedBoard()
    const { participant, framedId } = setup
    updateItem(participant.doc, framedId, { x: 3000, y: 3000 })
    await everywhere(setup, framedId, { x: 100, y: 100 }, 'move out of the frame reverted')
    deleteItems(participant.doc, [framedId])
    await everywhere(setup, framedId, { x: 100, text: 'template' }, 'deletion reverted')
  })

  it('lets only facilitators change locked, and lets their edits of locked items stick', async () => {
    const setup = await lockedBoard()
    const { participant, facilitator, lockedId, freeId } = setup
    itemsMap(participant.doc).get(lockedId)?.delete('locked')
    await everywhere(setup, lockedId, { locked: true }, 'unlock reverted')
    updateItem(participant.doc, freeId, { locked: true })
    await everywhere(setup, freeId, { locked: undefined }, 'lock by a participant reverted')

    updateItem(facilitator.doc, lockedId, { x: 42 })
    setItemText(facilitator.doc, lockedId, 'new instructions')
    await everywhere(
      setup,
      lockedId,
      { x: 42, text: 'new instructions', locked: true },
      'facilitator edit kept',
    )
  })

  it('lets a participant change free items', async () => {
    const setup = await lockedBoard()
    updateItem(setup.participant.doc, setup.freeId, { x: 7000 })
    setItemText(setup.participant.doc, setup.freeId, 'mine now')
    await everywhere(setup, setup.freeId, { x: 7000, text: 'mine now' }, 'free edit kept')
  })

  it('stamps the author of a participant note and drops a lock it sets', async () => {
    const setup = await lockedBoard()
    const { participant, participantId } = setup
    const forged = createItem(participant.doc, {
      type: 'note',
      x: 0,
      y: 5000,
      text: 'idea',
      author: 'someone-else',
    })
    await everywhere(setup, forged, { author: participantId, text: 'idea' }, 'author stamped')
    const locked = createItem(participant.doc, { type: 'note', x: 0, y: 6000, locked: true })
    await everywhere(setup, locked, { author: participantId, locked: undefined }, 'lock dropped')
    itemsMap(participant.doc).get(forged)?.set('author', 'someone-else')
    await everywhere(setup, forged, { author: participantId }, 'author change reverted')
  })
})

describe('session document', () => {
  it('drops forged session updates from participants and observers, keeps the facilitator ones', async () => {
    const { app, board, sync, store } = await startServer()
    const [lead, member, watcher] = await Promise.all([
      join(app, board, 'facilitator'),
      join(app, board, 'participant'),
      join(app, board, 'observer'),
    ])
    const room = `${board.id}/session`
    const facilitator = await connectSyncedAs(sync, room, lead)
    const participant = await connectSyncedAs(sync, room, member)
    const observer = await connectSyncedAs(sync, room, watcher)

    writeSessionState(participant.doc, { lockedFrameIds: [], writingMode: 'revealed' })
    participant.doc.getMap('privateCounts').set(member.personId, 99)
    writeSessionState(observer.doc, { anonymous: true })
    await relayedUpTo(participant, facilitator, 'after-participant')
    await relayedUpTo(observer, facilitator, 'after-observer')
    expect(facilitator.doc.getMap('state').size).toBe(0)
    expect(facilitator.doc.getMap('privateCounts').size).toBe(0)

    writeSessionState(facilitator.doc, { lockedFrameIds: ['f'], anonymous: true })
    await waitFor(
      () => readSessionState(observer.doc).lockedFrameIds[0] === 'f',
      'the observer to see the locks',
    )
    expect(readSessionState(await readDocument(store, room))).toMatchObject({
      lockedFrameIds: ['f'],
      anonymous: true,
    })
  })
})

describe('own items only', () => {
  it("reverts for everyone a participant's change or deletion of another person's note, while it is on", async () => {
    const { app, board, sync } = await startServer()
    const [lead, ann, bob] = await Promise.all([
      join(app, board, 'facilitator'),
      join(app, board, 'participant'),
      join(app, board, 'participant'),
    ])
    const facilitator = await connectSyncedAs(sync, board.id, lead)
    const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
    const annBoard = await connectSyncedAs(sync, board.id, ann)
    const bobBoard = await connectSyncedAs(sync, board.id, bob)
    // On by default: nobody has to think of it before the workshop.
    expect(readSessionState(session.doc).ownItemsOnly).toBe(true)

    const annNote = createItem(annBoard.doc, { type: 'note', x: 0, y: 0, text: 'idée d’Ann' })
    const bobNote = createItem(bobBoard.doc, { type: 'note', x: 300, y: 0, text: 'idée de Bob' })
    const template = createItem(facilitator.doc, { type: 'note', x: 600, y: 0, text: 'exemple' })
    await waitFor(
      () => [annNote, bobNote, template].every((id) => itemsMap(bobBoard.doc).has(id)),
      'the notes to reach Bob',
    )
    await waitFor(
      () => itemsMap(bobBoard.doc).get(annNote)?.get('author') === ann.personId,
      'the stamped author',
    )

    setItemText(bobBoard.doc, annNote, 'réécrite par Bob')
    await relayedUpTo(bobBoard, annBoard, 'after-rewrite')
    updateItem(bobBoard.doc, annNote, { x: 900, color: '#000000' })
    await relayedUpTo(bobBoard, annBoard, 'after-move')
    deleteItems(bobBoard.doc, [annNote])
    await relayedUpTo(bobBoard, annBoard, 'after-delete')
    // Bob's own note and the facilitator's authorless example are his to change.
    setItemText(bobBoard.doc, bobNote, 'idée de Bob, précisée')
    setItemText(bobBoard.doc, template, 'exemple complété')

    for (const client of [facilitator, annBoard, bobBoard]) {
      await waitFor(() => {
        const note = readItems(client.doc).find((item) => item.id === annNote)
        const texts = readItems(client.doc).map((item) => item.text)
        return (
          note?.text === 'idée d’Ann' &&
          note.x === 0 &&
          texts.includes('idée de Bob, précisée') &&
          texts.includes('exemple complété')
        )
      }, "Ann's note back as she wrote it, everywhere")
    }

    // The facilitator is never limited, and can turn the rule off.
    setItemText(facilitator.doc, annNote, 'reformulée par l’animatrice')
    writeSessionState(session.doc, { ownItemsOnly: false })
    await waitFor(async () => (await app.relay.sessionState(board.id)).ownItemsOnly === false, 'the rule off')
    deleteItems(bobBoard.doc, [annNote])
    await waitFor(() => !itemsMap(annBoard.doc).has(annNote), "Bob's deletion, now allowed")
  })
})
