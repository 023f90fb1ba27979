import {
  createItem,
  itemsMap,
  readItems,
  readSessionState,
  TOOL_PRESETS,
  writeSessionState,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { readDocument } from '../src/store/documents.js'
import { connectSyncedAs, join, relayedUpTo, startServer } from './facilitation.js'
import { waitFor } from './helpers.js'

const ids = (provider: WebsocketProvider): string[] => [...itemsMap(provider.doc).keys()]

describe('participant tools enforced by the relay', () => {
  it('refuses whole a participant update that creates an item no given tool makes; others and the facilitator are unaffected', async () => {
    const { app, board, sync, store } = await startServer()
    const [lead, ann, bob] = await Promise.all([
      join(app, board, 'facilitator'),
      join(app, board, 'participant'),
      join(app, board, 'participant'),
    ])
    const facilitator = await connectSyncedAs(sync, board.id, lead)
    const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
    const annBoard = await connectSyncedAs(sync, board.id, ann)
    const bobBoard = await connectSyncedAs(sync, board.id, bob)
    // A new board gives participants the "simple" tools.
    expect(readSessionState(session.doc).participantTools).toEqual([...TOOL_PRESETS.simple])

    // One update from Ann: a note she may write, and a frame she may not. Neither stays.
    let annNote = ''
    let annFrame = ''
    annBoard.doc.transact(() => {
      annNote = createItem(annBoard.doc, { type: 'note', x: 0, y: 0, text: 'idée' })
      annFrame = createItem(annBoard.doc, { type: 'frame', x: 0, y: 0, w: 800, h: 600 })
    })
    const bobNote = createItem(bobBoard.doc, { type: 'note', x: 300, y: 0, text: 'idée de Bob' })
    const bobStroke = createItem(bobBoard.doc, { type: 'stroke', x: 0, y: 0, points: [0, 0, 10, 10] })
    await relayedUpTo(annBoard, facilitator, 'after-frame')
    await relayedUpTo(bobBoard, facilitator, 'after-bob')
    for (const client of [facilitator, annBoard, bobBoard]) {
      await waitFor(
        () =>
          ids(client).includes(bobNote) &&
          ids(client).includes(bobStroke) &&
          !ids(client).includes(annNote) &&
          !ids(client).includes(annFrame),
        "Bob's note and stroke kept, Ann's update reverted whole, on every replica",
      )
    }
    const stored = readItems(await readDocument(store, board.id)).map((item) => item.id)
    expect(stored).toContain(bobNote)
    expect(stored).not.toContain(annNote)
    expect(stored).not.toContain(annFrame)

    // Turning an existing note into a shape is refused like creating one.
    const note = createItem(annBoard.doc, { type: 'note', x: 0, y: 0, text: 'à garder' })
    await waitFor(() => ids(facilitator).includes(note), "Ann's note to reach the facilitator")
    itemsMap(annBoard.doc).get(note)?.set('type', 'shape')
    await relayedUpTo(annBoard, facilitator, 'after-retype')
    await waitFor(
      () => itemsMap(annBoard.doc).get(note)?.get('type') === 'note',
      "the note's type put back for Ann",
    )
    expect(itemsMap(facilitator.doc).get(note)?.get('type')).toBe('note')

    // The facilitator is never limited, and the "complet" preset gives participants every tool.
    const leadFrame = createItem(facilitator.doc, { type: 'frame', x: 2000, y: 0, w: 800, h: 600 })
    await waitFor(() => ids(annBoard).includes(leadFrame), "the facilitator's frame to reach Ann")
    writeSessionState(session.doc, { participantTools: [...TOOL_PRESETS.complet] })
    await waitFor(
      async () => (await app.relay.sessionState(board.id)).participantTools.includes('frame'),
      'the complet preset to reach the relay',
    )
    const allowed = createItem(annBoard.doc, { type: 'shape', shape: 'ellipse', x: 0, y: 900 })
    await waitFor(() => ids(bobBoard).includes(allowed), "Ann's ellipse, now allowed, to reach Bob")
  })

  it('applies to private writing too', async () => {
    const { app, board, sync } = await startServer()
    const [lead, ann] = await Promise.all([join(app, board, 'facilitator'), join(app, board, 'participant')])
    const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
    writeSessionState(session.doc, { writingMode: 'private', participantTools: ['note'] })
    await waitFor(
      async () => (await app.relay.sessionState(board.id)).participantTools.join() === 'note',
      'the tool choice to reach the relay',
    )
    const room = `${board.id}/private/${ann.personId}`
    const annPrivate = await connectSyncedAs(sync, room, ann)
    const watcher = await connectSyncedAs(sync, room, lead)
    const text = createItem(annPrivate.doc, { type: 'text', x: 0, y: 0, text: 'un titre' })
    const note = createItem(annPrivate.doc, { type: 'note', x: 0, y: 0, text: 'une idée' })
    await waitFor(() => ids(watcher).includes(note), 'the private note to reach the facilitator')
    await waitFor(() => !ids(annPrivate).includes(text), 'the text item reverted in her private room')
    expect(ids(watcher)).not.toContain(text)
  })
})
