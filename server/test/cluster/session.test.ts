import {
  CloseCode,
  type CreateBoardResponse,
  createItem,
  findRound,
  type Role,
  readItems,
  readPrivateCounts,
  readSessionState,
  updateItem,
  writeRound,
  writeSessionState,
} from '@atelier/shared'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectSyncedAs, type Person } from '../facilitation.js'
import { closeCode, openRaw } from '../helpers.js'
import type { ServerProcess } from '../serverProcess.js'
import { converged, crossedUpTo, settle, useSharedCluster } from './nodes.js'

// Session state behaves across nodes as on one: what a facilitator does on one node holds for the
// people on the other, and whatever must happen once happens once.

const shared = useSharedCluster()

async function joinOver(node: ServerProcess, board: CreateBoardResponse, role: Role): Promise<Person> {
  const token = board.tokens[role]
  const response = await fetch(`${node.http}/api/boards/${board.id}/people`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `A ${role}` }),
  })
  if (response.status !== 201) throw new Error(`join failed: ${await response.text()}`)
  const { personId, credential } = (await response.json()) as { personId: string; credential: string }
  return { role, token, personId, credential }
}

function call(node: ServerProcess, board: CreateBoardResponse, person: Person, path: string, body?: unknown) {
  return fetch(`${node.http}/api/boards/${board.id}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${person.token}`,
      'x-atelier-person': person.credential,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

describe('session state across two nodes', () => {
  it("shows an observer on B a facilitator's change on A, and B enforces A's lock on B's participants", async () => {
    const board = await shared.cluster.createBoard()
    const lead = await joinOver(shared.a, board, 'facilitator')
    const ann = await joinOver(shared.b, board, 'participant')
    const observerOnB = await connectSyncedAs(
      shared.b.sync,
      `${board.id}/session`,
      await joinOver(shared.b, board, 'observer'),
    )
    const leadSession = await connectSyncedAs(shared.a.sync, `${board.id}/session`, lead)
    writeSessionState(leadSession.doc, { writingMode: 'private' })
    await settle(() => readSessionState(observerOnB.doc).writingMode === 'private', 'the mode to reach B')

    const leadBoard = await connectSyncedAs(shared.a.sync, board.id, lead)
    const locked = createItem(leadBoard.doc, { type: 'note', x: 0, y: 0, text: 'cadré', locked: true })
    const annBoard = await connectSyncedAs(shared.b.sync, board.id, ann)
    await settle(() => readItems(annBoard.doc).some((item) => item.id === locked), 'the locked note on B')
    updateItem(annBoard.doc, locked, { x: 500 })
    await crossedUpTo(annBoard, leadBoard, 'after-the-change')
    await converged(annBoard, leadBoard, 'both replicas')
    expect(readItems(leadBoard.doc).find((item) => item.id === locked)?.x).toBe(0)
    expect(readItems(annBoard.doc).find((item) => item.id === locked)?.x).toBe(0)
  }, 90_000)

  it('keeps private writing private across nodes, counts it on both, reveals it from the other node', async () => {
    const secret = 'idée secrète 41c9'
    const board = await shared.cluster.createBoard()
    const lead = await joinOver(shared.b, board, 'facilitator')
    const ann = await joinOver(shared.a, board, 'participant')
    const bob = await joinOver(shared.b, board, 'participant')
    const leadSession = await connectSyncedAs(shared.b.sync, `${board.id}/session`, lead)
    writeSessionState(leadSession.doc, { writingMode: 'private' })

    // Every byte Bob's browser receives on B, on the rooms it may open.
    const received: Buffer[] = []
    for (const room of [board.id, `${board.id}/session`]) {
      const raw = await openRaw(`${shared.b.sync}/${room}?token=${bob.token}&person=${bob.credential}`)
      raw.on('message', (data) => received.push(Buffer.from(data as Buffer)))
    }
    const annRoom = `${board.id}/private/${ann.personId}`
    const annPrivate = await connectSyncedAs(shared.a.sync, annRoom, ann)
    createItem(annPrivate.doc, { type: 'note', x: 10, y: 20, text: secret })
    await settle(() => readPrivateCounts(leadSession.doc)[ann.personId] === 1, 'the private count on B')

    const leadReads = await connectSyncedAs(shared.b.sync, annRoom, lead)
    await settle(() => readItems(leadReads.doc).length === 1, 'the facilitator on B to read the note')
    const bobBoard = await connectSyncedAs(shared.b.sync, board.id, bob)
    expect(readItems(bobBoard.doc)).toEqual([])
    expect(Buffer.concat(received).includes(secret)).toBe(false)

    writeSessionState(leadSession.doc, { writingMode: 'revealed' })
    await settle(() => readItems(bobBoard.doc).some((item) => item.text === secret), 'the reveal on B')
    await settle(() => readItems(annPrivate.doc).length === 0, 'the private room on A to be emptied')
    expect(readItems(bobBoard.doc).filter((item) => item.text === secret)).toHaveLength(1)
  }, 90_000)

  it("refuses on B a participant's structs written under the client id a facilitator writes with on A", async () => {
    const board = await shared.cluster.createBoard()
    const lead = await joinOver(shared.a, board, 'facilitator')
    // B has the room loaded when the facilitator writes on A (a room knows the facilitators'
    // client ids from what it relays after it loads, on one node as on several).
    const annBoard = await connectSyncedAs(
      shared.b.sync,
      board.id,
      await joinOver(shared.b, board, 'participant'),
    )
    const leadBoard = await connectSyncedAs(shared.a.sync, board.id, lead)
    const note = createItem(leadBoard.doc, { type: 'note', x: 0, y: 0, text: 'libre' })
    await settle(() => readItems(annBoard.doc).some((item) => item.id === note), 'the note to reach B')

    // Its client id set after it read the facilitator's structs: Yjs would change it otherwise.
    const squatter = new Y.Doc()
    Y.applyUpdate(squatter, Y.encodeStateAsUpdate(leadBoard.doc))
    squatter.clientID = leadBoard.doc.clientID
    const before = Y.encodeStateVector(squatter)
    updateItem(squatter, note, { x: 1 })
    const frame = encoding.createEncoder()
    encoding.writeVarUint(frame, 0) // sync
    encoding.writeVarUint(frame, 2) // update
    encoding.writeVarUint8Array(frame, Y.encodeStateAsUpdate(squatter, before))
    const raw = await openRaw(`${shared.b.sync}/${board.id}?token=${board.tokens.participant}`)
    const closed = closeCode(raw)
    raw.send(encoding.toUint8Array(frame))
    expect(await closed).toBe(CloseCode.unsupportedData)
  }, 90_000)

  it('closes on B the sockets of a link replaced on A', async () => {
    const board = await shared.cluster.createBoard()
    const lead = await joinOver(shared.a, board, 'facilitator')
    const onB = await openRaw(`${shared.b.sync}/${board.id}?token=${board.tokens.participant}`)
    const closed = closeCode(onB)
    const observerOnB = await openRaw(`${shared.b.sync}/${board.id}?token=${board.tokens.observer}`)
    const response = await call(shared.a, board, lead, '/tokens/participant/rotate', {})
    expect(response.status).toBe(200)
    expect(await closed).toBe(CloseCode.tokenRevoked)
    expect(observerOnB.readyState).toBe(observerOnB.OPEN)
  }, 90_000)

  it('counts at most the budget of 10 votes sent at once to two nodes (budget 3: exactly 3)', async () => {
    const board = await shared.cluster.createBoard()
    const lead = await joinOver(shared.a, board, 'facilitator')
    const ann = await joinOver(shared.a, board, 'participant')
    const leadBoard = await connectSyncedAs(shared.a.sync, board.id, lead)
    const frame = createItem(leadBoard.doc, { type: 'frame', x: 0, y: 0, w: 2000, h: 1000 })
    const idea = createItem(leadBoard.doc, { type: 'note', x: 100, y: 100 })
    const leadSession = await connectSyncedAs(shared.a.sync, `${board.id}/session`, lead)
    writeRound(leadSession.doc, {
      id: 'r1',
      title: 'Par où commencer ?',
      frameIds: [frame],
      itemIds: [],
      status: 'open',
      openedAt: 1,
      budget: 3,
      maxPerItem: 10,
    })
    const onB = await connectSyncedAs(shared.b.sync, `${board.id}/session`, ann)
    await settle(() => findRound(onB.doc, 'r1') !== null, 'the round to reach B')
    const boardOnB = await connectSyncedAs(shared.b.sync, board.id, ann)
    await settle(() => readItems(boardOnB.doc).length === 2, 'the ideas to reach B')

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(i % 2 === 0 ? shared.a : shared.b, board, ann, '/rounds/r1/votes', { itemId: idea, delta: 1 }),
      ),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([200, 200, 200, 409, 409, 409, 409, 409, 409, 409])
    const mine = (await (await call(shared.b, board, ann, '/rounds/r1/votes/mine')).json()) as {
      remaining: number
    }
    expect(mine.remaining).toBe(0)
  }, 90_000)

  it('closes a poll once when both nodes are asked to close it at the same time', async () => {
    const board = await shared.cluster.createBoard()
    const lead = await joinOver(shared.a, board, 'facilitator')
    const opened = await call(shared.a, board, lead, '/polls', {
      kind: 'single',
      question: 'On continue ?',
      options: [
        { id: 'oui', label: 'Oui' },
        { id: 'non', label: 'Non' },
      ],
      correctOptionIds: [],
      timeLimitSeconds: 20,
      points: 0,
    })
    expect(opened.status).toBe(201)
    const { pollId } = (await opened.json()) as { pollId: string }
    const closes = await Promise.all(
      [shared.a, shared.b, shared.a, shared.b].map((node) =>
        call(node, board, lead, `/polls/${pollId}/close`, {}),
      ),
    )
    expect(closes.map((response) => response.status).sort()).toEqual([200, 409, 409, 409])
  }, 90_000)
})
