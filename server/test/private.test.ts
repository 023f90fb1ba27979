import {
  createItem,
  readItems,
  readPrivateCounts,
  readSessionState,
  replaceAgenda,
  SETTLE_LIMIT,
  writeSessionState,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/store/documents.js'
import { connectSyncedAs, join, relayedUpTo, startServer } from './facilitation.js'
import { openRaw, refusedStatus, waitFor } from './helpers.js'

const SECRET = 'secret idea 7f3a'

/** A server with a board, its facilitator's view of it, and two participants. */
async function facilitatorAndTwo() {
  const { app, board, sync } = await startServer()
  const [lead, ann, bob] = await Promise.all([
    join(app, board, 'facilitator'),
    join(app, board, 'participant'),
    join(app, board, 'participant'),
  ])
  const boardView = await connectSyncedAs(sync, board.id, lead)
  return { board, sync, lead, ann, bob, boardView }
}

/**
 * A governance-like scale on the board, and an agenda whose first step (running) writes in
 * private on it and whose second reveals in place; answers the facilitator's session view.
 */
async function scaleRevealedInPlace({
  board,
  sync,
  lead,
  boardView,
}: Awaited<ReturnType<typeof facilitatorAndTwo>>) {
  const scale = createItem(boardView.doc, { type: 'frame', x: 0, y: 0, w: 2400, h: 340, text: 'Stratégique' })
  const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
  const step = { instructions: '', durationMinutes: 5, frameId: scale }
  replaceAgenda(session.doc, [
    { ...step, id: 'place', title: 'Positionnement', mode: 'private' },
    { ...step, id: 'read', title: 'Révélation', mode: 'revealed', revealInPlace: true },
  ])
  writeSessionState(session.doc, { stepId: 'place', writingMode: 'private' })
  return session
}

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

  it("lays the revealed notes out in the step's frame: no overlap, inside the frame, each author together", async () => {
    const { board, sync, lead, ann, bob, boardView } = await facilitatorAndTwo()
    const frameId = createItem(boardView.doc, { type: 'frame', x: 0, y: 0, w: 700, h: 300, text: 'Idées' })
    const prompt = createItem(boardView.doc, { type: 'text', x: 20, y: 20, w: 400, h: 40, text: 'Comment ?' })
    const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
    replaceAgenda(session.doc, [
      { id: 's1', title: 'Divergence', instructions: '', durationMinutes: 5, frameId, mode: 'private' },
    ])
    writeSessionState(session.doc, { stepId: 's1', writingMode: 'private' })

    for (const person of [ann, bob]) {
      const room = await connectSyncedAs(sync, `${board.id}/private/${person.personId}`, person)
      // Everyone writes on the same spot, as people do on their own screen.
      for (let i = 0; i < 3; i++)
        createItem(room.doc, { type: 'note', x: 100, y: 100, text: `${person.personId} ${i}` })
    }
    await waitFor(
      () =>
        readPrivateCounts(session.doc)[ann.personId] === 3 &&
        readPrivateCounts(session.doc)[bob.personId] === 3,
      'the private counts',
    )
    const updates: number[] = []
    boardView.doc.on('update', () => updates.push(updates.length))
    writeSessionState(session.doc, { writingMode: 'revealed' })
    await waitFor(
      () => readItems(boardView.doc).filter((item) => item.type === 'note').length === 6,
      'the reveal',
    )

    const items = readItems(boardView.doc)
    const frame = items.find((item) => item.id === frameId)
    const notes = items.filter((item) => item.type === 'note')
    const text = items.find((item) => item.id === prompt)
    if (!frame || !text) throw new Error('frame or prompt missing')
    for (const [i, a] of notes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(frame.x)
      expect(a.y).toBeGreaterThanOrEqual(text.y + text.h)
      expect(a.x + a.w).toBeLessThanOrEqual(frame.x + frame.w)
      expect(a.y + a.h).toBeLessThanOrEqual(frame.y + frame.h)
      for (const b of notes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
        expect(apart).toBe(true)
      }
    }
    // Three notes fit a row of this frame: one row per author, the frame grown to hold both.
    const rows = new Map<number, Set<string | undefined>>()
    for (const note of notes) rows.set(note.y, (rows.get(note.y) ?? new Set()).add(note.author))
    expect([...rows.values()].map((authors) => authors.size)).toEqual([1, 1])
    expect(frame.h).toBeGreaterThan(300)
    // Created and placed in one update: nobody ever sees the pile.
    expect(updates.length).toBe(1)
  })

  it("keeps each revealed note in the step's frame its author chose; a note elsewhere goes to the first", async () => {
    const { app, board, sync } = await startServer()
    const [lead, ann] = await Promise.all([join(app, board, 'facilitator'), join(app, board, 'participant')])
    const boardView = await connectSyncedAs(sync, board.id, lead)
    const forces = createItem(boardView.doc, { type: 'frame', x: 0, y: 0, w: 700, h: 600, text: 'Forces' })
    const faiblesses = createItem(boardView.doc, {
      type: 'frame',
      x: 800,
      y: 0,
      w: 700,
      h: 600,
      text: 'Faiblesses',
    })
    const session = await connectSyncedAs(sync, `${board.id}/session`, lead)
    replaceAgenda(session.doc, [
      {
        id: 's1',
        title: 'Forces et faiblesses',
        instructions: '',
        durationMinutes: 5,
        frameId: forces,
        moreFrameIds: [faiblesses],
        mode: 'private',
      },
    ])
    writeSessionState(session.doc, { stepId: 's1', writingMode: 'private' })
    const room = await connectSyncedAs(sync, `${board.id}/private/${ann.personId}`, ann)
    createItem(room.doc, { type: 'note', x: 850, y: 100, text: 'weak 1' })
    createItem(room.doc, { type: 'note', x: 850, y: 100, text: 'weak 2' })
    createItem(room.doc, { type: 'note', x: 50, y: 100, text: 'strong' })
    createItem(room.doc, { type: 'note', x: 3000, y: 3000, text: 'stray' })
    await waitFor(() => readPrivateCounts(session.doc)[ann.personId] === 4, 'the private count')

    writeSessionState(session.doc, { writingMode: 'revealed' })
    await waitFor(
      () => readItems(boardView.doc).filter((item) => item.type === 'note').length === 4,
      'the reveal',
    )
    const items = readItems(boardView.doc)
    const frameOf = (text: string) => {
      const note = items.find((item) => item.text === text)
      if (!note) throw new Error(`${text} missing`)
      const centre = { x: note.x + note.w / 2, y: note.y + note.h / 2 }
      return items.find(
        (frame) =>
          frame.type === 'frame' &&
          centre.x > frame.x &&
          centre.x < frame.x + frame.w &&
          centre.y > frame.y &&
          centre.y < frame.y + frame.h,
      )?.text
    }
    expect(['weak 1', 'weak 2', 'strong', 'stray'].map(frameOf)).toEqual([
      'Faiblesses',
      'Faiblesses',
      'Forces',
      'Forces',
    ])
    const [weak1, weak2] = ['weak 1', 'weak 2'].map((text) => items.find((item) => item.text === text))
    // Tidied in their frame: the two notes written on one spot no longer cover each other.
    expect(weak1?.x === weak2?.x && weak1?.y === weak2?.y).toBe(false)
  })

  it('settles each revealed note where its author put it when the step reveals in place', async () => {
    const setup = await facilitatorAndTwo()
    const { board, sync, ann, bob, boardView } = setup
    const session = await scaleRevealedInPlace(setup)
    // Ann and Bob agree on one spot of the scale; Bob also has a far one.
    const tokens = [
      { person: ann, x: 300, text: 'ann' },
      { person: bob, x: 300, text: 'bob' },
      { person: bob, x: 1900, text: 'bob far' },
    ]
    for (const person of [ann, bob]) {
      const room = await connectSyncedAs(sync, `${board.id}/private/${person.personId}`, person)
      for (const token of tokens.filter((t) => t.person === person))
        createItem(room.doc, { type: 'note', x: token.x, y: 110, w: 120, h: 120, text: token.text })
    }
    await waitFor(
      () =>
        readPrivateCounts(session.doc)[ann.personId] === 1 &&
        readPrivateCounts(session.doc)[bob.personId] === 2,
      'the private counts',
    )
    writeSessionState(session.doc, { stepId: 'read', writingMode: 'revealed' })
    await waitFor(
      () => readItems(boardView.doc).filter((item) => item.type === 'note').length === 3,
      'the reveal',
    )
    const notes = readItems(boardView.doc).filter((item) => item.type === 'note')
    // Each keeps its place along the scale; the two on one spot are stacked, not piled.
    expect(notes.map((note) => [note.text, note.x]).sort()).toEqual(tokens.map((t) => [t.text, t.x]).sort())
    expect(notes.find((note) => note.text === 'bob far')?.y).toBe(110)
    const onOneSpot = notes.filter((note) => note.x === 300).map((note) => note.y)
    expect(onOneSpot.sort((a, b) => a - b)).toEqual([110, 110 + 120 + 24])
  })

  it('tidies a flood of private notes in a grid even when the step reveals in place', async () => {
    const setup = await facilitatorAndTwo()
    const { board, sync, ann, boardView } = setup
    const session = await scaleRevealedInPlace(setup)
    const room = await connectSyncedAs(sync, `${board.id}/private/${ann.personId}`, ann)
    const flood = SETTLE_LIMIT + 1
    // All on one spot, in one update: settled one under the other, each would be compared with all.
    room.doc.transact(() => {
      for (let i = 0; i < flood; i++)
        createItem(room.doc, { type: 'note', x: 300, y: 110, w: 120, h: 120, text: `${i}` })
    })
    await waitFor(() => readPrivateCounts(session.doc)[ann.personId] === flood, 'the private count')
    writeSessionState(session.doc, { stepId: 'read', writingMode: 'revealed' })
    await waitFor(
      () => readItems(boardView.doc).filter((item) => item.type === 'note').length === flood,
      'the reveal',
    )
    const columns = new Set(
      readItems(boardView.doc)
        .filter((item) => item.type === 'note')
        .map((note) => note.x),
    )
    expect(columns.size).toBeGreaterThan(1)
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
