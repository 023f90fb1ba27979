import { createItem, findRound, patchRound, readItems, roundsMap, writeRound } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { buildApp } from '../src/app.js'
import { readDocument } from '../src/store/documents.js'
import { connectSyncedAs, join, type Person, type Running, startServer } from './facilitation.js'
import { BACKEND, onCleanup, openTestStore, waitFor } from './helpers.js'

interface VotingBoard extends Running {
  facilitator: Person
  session: WebsocketProvider
  observerSession: WebsocketProvider
  ideas: string[]
  outsider: string
  /** A template's example in the frame. */
  example: string
}

/** A frame with three ideas and an example, a note outside it, and an open round on the frame. */
async function votingBoard(round: { budget: number; maxPerItem?: number }): Promise<VotingBoard> {
  const running = await startServer()
  const { app, board, sync } = running
  const facilitator = await join(app, board, 'facilitator')
  const boardClient = await connectSyncedAs(sync, board.id, facilitator)
  const frame = createItem(boardClient.doc, { type: 'frame', x: 0, y: 0, w: 2000, h: 1000 })
  const ideas = [0, 1, 2].map((i) => createItem(boardClient.doc, { type: 'note', x: 100 + i * 300, y: 100 }))
  const outsider = createItem(boardClient.doc, { type: 'note', x: 5000, y: 5000 })
  // A template's example, in the round's frame: shown, never a candidate.
  const example = createItem(boardClient.doc, {
    type: 'note',
    x: 100,
    y: 600,
    text: 'Ex. : …',
    example: true,
  })
  const session = await connectSyncedAs(sync, `${board.id}/session`, facilitator)
  writeRound(session.doc, {
    id: 'r1',
    title: 'Which idea first?',
    frameIds: [frame],
    itemIds: [],
    status: 'open',
    openedAt: 1,
    ...round,
  })
  const observerSession = await connectSyncedAs(
    sync,
    `${board.id}/session`,
    await join(app, board, 'observer'),
  )
  await waitFor(() => findRound(observerSession.doc, 'r1') !== null, 'the round to reach the observer')
  await waitFor(
    async () => readItems(await readDocument(running.store, board.id)).length === 6,
    'the board to be stored',
  )
  return { ...running, facilitator, session, observerSession, ideas, outsider, example }
}

function vote(setup: Running, person: Person, itemId: string, delta: 1 | -1 = 1, roundId = 'r1') {
  return setup.app.inject({
    method: 'POST',
    url: `/api/boards/${setup.board.id}/rounds/${roundId}/votes`,
    headers: { authorization: `Bearer ${person.token}`, 'x-atelier-person': person.credential },
    payload: { itemId, delta },
  })
}

function mine(setup: Running, person: Person) {
  return setup.app.inject({
    method: 'GET',
    url: `/api/boards/${setup.board.id}/rounds/r1/votes/mine`,
    headers: { authorization: `Bearer ${person.token}`, 'x-atelier-person': person.credential },
  })
}

describe('dot voting', () => {
  it('accepts exactly the budget when ten votes arrive at once', async () => {
    const setup = await votingBoard({ budget: 3 })
    const ann = await join(setup.app, setup.board, 'participant')
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => vote(setup, ann, setup.ideas[i % 3] as string)),
    )
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 200)).toHaveLength(3)
    expect(statuses.filter((status) => status === 409)).toHaveLength(7)
    for (const refused of responses.filter((response) => response.statusCode === 409)) {
      expect(refused.json()).toEqual({ error: 'no votes left in this round', reason: 'budget-exhausted' })
    }
    const body = (await mine(setup, ann)).json<{ mine: Record<string, number>; remaining: number }>()
    expect(body.remaining).toBe(0)
    expect(Object.values(body.mine).reduce((sum, count) => sum + count, 0)).toBe(3)
  })

  // Two nodes need a shared database: one SQLite file serves one process.
  it.runIf(BACKEND === 'postgres')(
    'accepts exactly the budget when ten votes arrive at once on two nodes of one database',
    async () => {
      const setup = await votingBoard({ budget: 3 })
      const other = buildApp(setup.config, { store: await openTestStore(setup.config) })
      onCleanup(() => other.close())
      const ann = await join(setup.app, setup.board, 'participant')
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          vote({ ...setup, app: i % 2 === 0 ? setup.app : other }, ann, setup.ideas[i % 3] as string),
        ),
      )
      const statuses = responses.map((response) => response.statusCode)
      expect(statuses.filter((status) => status === 200)).toHaveLength(3)
      expect(statuses.filter((status) => status === 409)).toHaveLength(7)
      const stored = await setup.store.votes.mine(setup.board.id, 'r1', ann.personId)
      expect([...stored.values()].reduce((sum, count) => sum + count, 0)).toBe(3)
    },
  )

  it("enforces the per-item limit and the round scope (not a template's example), and removes only placed dots", async () => {
    const setup = await votingBoard({ budget: 5, maxPerItem: 2 })
    const ann = await join(setup.app, setup.board, 'participant')
    const [first] = setup.ideas as [string]
    expect((await vote(setup, ann, first)).json()).toEqual({ mine: { [first]: 1 }, remaining: 4 })
    expect((await vote(setup, ann, first)).statusCode).toBe(200)
    const third = await vote(setup, ann, first)
    expect(third.statusCode).toBe(409)
    expect(third.json().reason).toBe('item-limit-reached')
    const outside = await vote(setup, ann, setup.outsider)
    expect(outside.statusCode).toBe(409)
    expect(outside.json().reason).toBe('not-eligible')
    expect((await vote(setup, ann, 'no-such-item')).json().reason).toBe('not-eligible')
    expect((await vote(setup, ann, setup.example)).json().reason).toBe('not-eligible')

    expect((await vote(setup, ann, first, -1)).json()).toEqual({ mine: { [first]: 1 }, remaining: 4 })
    expect((await vote(setup, ann, first, -1)).json()).toEqual({ mine: {}, remaining: 5 })
    expect((await vote(setup, ann, first, -1)).json().reason).toBe('nothing-to-remove')
  })

  it('publishes the voter count while open, the ranked results at close, and no ballot before', async () => {
    const setup = await votingBoard({ budget: 3 })
    const [a, b, c] = setup.ideas as [string, string, string]
    const ann = await join(setup.app, setup.board, 'participant')
    const bob = await join(setup.app, setup.board, 'participant')
    for (const itemId of [a, a, b]) expect((await vote(setup, ann, itemId)).statusCode).toBe(200)
    for (const itemId of [a, c]) expect((await vote(setup, bob, itemId)).statusCode).toBe(200)
    await waitFor(() => findRound(setup.observerSession.doc, 'r1')?.voters === 2, 'the voter count')

    // Nothing but the count: no document holds a ballot, for any item or person.
    const documents = [
      setup.observerSession.doc,
      await readDocument(setup.store, `${setup.board.id}/session`),
      await readDocument(setup.store, setup.board.id),
    ]
    for (const doc of documents) {
      const json = JSON.stringify([doc.getMap('rounds').toJSON(), doc.getMap('items').toJSON()])
      expect(json).not.toContain(ann.personId)
      expect(json).not.toContain('results')
    }
    expect(Object.keys(roundsMap(setup.observerSession.doc).get('r1')?.toJSON() ?? {}).sort()).toEqual([
      'budget',
      'frameIds',
      'itemIds',
      'openedAt',
      'status',
      'title',
      'voters',
    ])

    patchRound(setup.session.doc, 'r1', { status: 'closed', closedAt: 2 })
    await waitFor(() => findRound(setup.observerSession.doc, 'r1')?.results !== undefined, 'the results')
    expect(findRound(setup.observerSession.doc, 'r1')?.results).toEqual([
      { itemId: a, votes: 3, rank: 1 },
      ...[b, c].sort().map((itemId) => ({ itemId, votes: 1, rank: 2 })),
    ])
    const late = await vote(setup, bob, b)
    expect(late.statusCode).toBe(409)
    expect(late.json().reason).toBe('round-closed')
  })

  it('requires a person of this board, and refuses observers and unknown rounds', async () => {
    const setup = await votingBoard({ budget: 3 })
    const [idea] = setup.ideas as [string]
    const ann = await join(setup.app, setup.board, 'participant')
    const watcher = await join(setup.app, setup.board, 'observer')
    const other = await startServer()
    const stranger = await join(other.app, other.board, 'participant')

    const forged = { ...ann, credential: `${ann.personId}.${'A'.repeat(43)}` }
    const withoutPerson = await setup.app.inject({
      method: 'POST',
      url: `/api/boards/${setup.board.id}/rounds/r1/votes`,
      headers: { authorization: `Bearer ${ann.token}` },
      payload: { itemId: idea, delta: 1 },
    })
    expect(withoutPerson.statusCode).toBe(401)
    expect(withoutPerson.json().error).toMatch(/person credential/)
    expect((await vote(setup, forged, idea)).statusCode).toBe(401)
    expect((await vote(setup, { ...stranger, token: ann.token }, idea)).statusCode).toBe(401)
    expect((await vote(setup, { ...ann, token: 'x' }, idea)).statusCode).toBe(401)
    expect((await mine(setup, forged)).statusCode).toBe(401)
    const observed = await vote(setup, watcher, idea)
    expect(observed.statusCode).toBe(403)
    expect(observed.json()).toEqual({ error: 'observers cannot vote' })
    expect((await vote(setup, ann, idea, 1, 'nope')).statusCode).toBe(404)
    const bad = await setup.app.inject({
      method: 'POST',
      url: `/api/boards/${setup.board.id}/rounds/r1/votes`,
      headers: { authorization: `Bearer ${ann.token}`, 'x-atelier-person': ann.credential },
      payload: { itemId: idea, delta: 2 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatch(/delta/)
  })
})
