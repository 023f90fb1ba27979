import {
  createItem,
  readItems,
  readPrivateCounts,
  readSessionState,
  writeSessionState,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/store/documents.js'
import { connectSyncedAs, join, relayedUpTo, startServer } from './facilitation.js'
import { openRaw, refusedStatus, waitFor } from './helpers.js'

const SECRET = 'secret idea 7f3a'

describe('private writing', () => {
  it('keeps private notes from other participants, shows counts, then reveals them all at once', async () => {
    const { app, board, sync, store } = await startServer()
    const [lead, ann, bob] = await Promise.all([
      join(app, board, 'facilitator'),
      join(app, board, 'participant'),
      join(app, board, 'participant'),
    ])
    const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
    writeSessionState(session.doc, { writingMode: 'private' })

    // Everything Bob's browser receives, byte for byte, on the rooms it may open.
    const received: Buffer[] = []
    for (const room of [board.id, `${board.id}/session`]) {
      const raw = await openRaw(`${sync}/${room}?token=${bob.token}&person=${bob.credential}`)
      raw.on('message', (data) => received.push(Buffer.from(data as Buffer)))
    }

    const annRoom = `${board.id}/private/${ann.personId}`
    const annPrivate = await connectSyncedAs(sync, annRoom, ann)
    createItem(annPrivate.doc, { type: 'note', x: 10, y: 20, text: SECRET, author: bob.personId })
    createItem(annPrivate.doc, { type: 'note', x: 300, y: 20, text: 'second thought' })
    await waitFor(() => readPrivateCounts(session.doc)[ann.personId] === 2, 'the private count')

    const facilitatorView = await connectSyncedAs(sync, annRoom, lead)
    await waitFor(
      () => readItems(facilitatorView.doc).length === 2,
      'the facilitator to read the private notes',
    )
    expect(readItems(facilitatorView.doc).every((note) => note.author === ann.personId)).toBe(true)

    expect(await refusedStatus(`${sync}/${annRoom}?token=${bob.token}&person=${bob.credential}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${annRoom}?token=${bob.token}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${annRoom}?token=${board.tokens.observer}`)).toBe(401)
    const boardReader = await connectSyncedAs(sync, board.id, bob)
    expect(readItems(boardReader.doc)).toEqual([])
    expect(Buffer.concat(received).includes(SECRET)).toBe(false)

    // A facilitator reads a private room but does not write in it.
    createItem(facilitatorView.doc, { type: 'note', x: 0, y: 0, text: 'planted' })
    await relayedUpTo(facilitatorView, annPrivate, 'after-planted')
    expect(readItems(annPrivate.doc).map((note) => note.text)).not.toContain('planted')

    writeSessionState(session.doc, { writingMode: 'revealed' })
    await waitFor(() => readItems(boardReader.doc).length === 2, 'the revealed notes on the board')
    expect(
      readItems(boardReader.doc)
        .map((note) => [note.text, note.author])
        .sort(),
    ).toEqual(
      [
        [SECRET, ann.personId],
        ['second thought', ann.personId],
      ].sort(),
    )
    await waitFor(() => readItems(annPrivate.doc).length === 0, 'the private room to be emptied')
    await waitFor(() => Object.keys(readPrivateCounts(session.doc)).length === 0, 'the counts to be cleared')
    expect(readItems(await readDocument(store, annRoom))).toEqual([])
    expect(readSessionState(session.doc).writingMode).toBe('revealed')
  })

  it('refuses a private room of another board person, and a forged credential', async () => {
    const { app, board, sync } = await startServer()
    const ann = await join(app, board, 'participant')
    const room = `${sync}/${board.id}/private/${ann.personId}`
    expect(await refusedStatus(`${room}?token=${ann.token}&person=${ann.personId}.${'B'.repeat(43)}`)).toBe(
      401,
    )
    expect(await refusedStatus(`${room}?token=${ann.token}&person=`)).toBe(401)
    expect(await refusedStatus(`${room}?token=${board.tokens.facilitator}&person=${ann.credential}`)).toBe(
      401,
    )
    await connectSyncedAs(sync, `${board.id}/private/${ann.personId}`, ann)
  })
})
