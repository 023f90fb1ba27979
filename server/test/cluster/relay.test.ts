import { createItem, roomName } from '@atelier/shared'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { connectSynced, waitFor } from '../helpers.js'
import { noteTexts, settle, useSharedCluster } from './nodes.js'

// Real node processes on one store and one private Redis: what one client writes on one node
// reaches the clients of the others through the board's Redis stream.

const shared = useSharedCluster()

describe('a board served by two nodes', () => {
  it('converges: clients on both nodes see every note, and a newcomer on either loads them all', async () => {
    const board = await shared.cluster.createBoard()
    const onA = await connectSynced(shared.a.sync, board.id, board.tokens.participant)
    const onB = await connectSynced(shared.b.sync, board.id, board.tokens.participant)

    for (let i = 0; i < 20; i++) {
      createItem(onA.doc, { type: 'note', x: i, y: 0, text: `a${i}` })
      createItem(onB.doc, { type: 'note', x: i, y: 100, text: `b${i}` })
    }
    const expected = [
      ...Array.from({ length: 20 }, (_, i) => `a${i}`),
      ...Array.from({ length: 20 }, (_, i) => `b${i}`),
    ].sort()
    await settle(
      () => noteTexts(onA).length === 40 && noteTexts(onB).length === 40,
      'both clients to see 40 notes',
    )
    expect(noteTexts(onA)).toEqual(expected)
    expect(noteTexts(onB)).toEqual(expected)

    for (const node of [shared.a, shared.b]) {
      const late = await connectSynced(node.sync, board.id, board.tokens.observer)
      await settle(() => noteTexts(late).length === 40, 'a newcomer to load 40 notes')
      expect(noteTexts(late)).toEqual(expected)
    }
  }, 90_000)

  it('carries presence across nodes, and drops it when its client leaves', async () => {
    const board = await shared.cluster.createBoard()
    const room = roomName(board.id, 'board')
    const onA = await connectSynced(shared.a.sync, room, board.tokens.participant)
    onA.awareness.setLocalStateField('user', { name: 'Awa' })
    await settle(
      async () => (await fetch(`${shared.a.http}/metrics`)).ok,
      'node A to answer while its client announces itself',
    )
    const onB = await connectSynced(shared.b.sync, room, board.tokens.observer)
    // B loaded the room after A's client announced itself: B asked the other nodes for their clients.
    await settle(
      () => onB.awareness.getStates().get(onA.awareness.clientID)?.user?.name === 'Awa',
      "A's presence to reach B",
    )

    onA.awareness.setLocalStateField('cursor', { x: 12, y: 34 })
    await settle(
      () => onB.awareness.getStates().get(onA.awareness.clientID)?.cursor?.x === 12,
      "A's cursor to reach B",
    )
    // A client arriving on B after A announced itself is told about A too.
    const later = await connectSynced(shared.b.sync, room, board.tokens.observer)
    await settle(
      () => later.awareness.getStates().has(onA.awareness.clientID),
      "A's presence to reach a newcomer on B",
    )

    onA.destroy()
    await settle(() => !onB.awareness.getStates().has(onA.awareness.clientID), "A's presence to leave B")
  }, 90_000)

  it("trims a board's stream once both nodes have read past its entries, and drops a node's read position when it unloads the room", async () => {
    const board = await shared.cluster.createBoard()
    const redisClient = new Redis(shared.redis.url)
    try {
      const onA = await connectSynced(shared.a.sync, board.id, board.tokens.participant)
      const onB = await connectSynced(shared.b.sync, board.id, board.tokens.participant)
      for (let i = 0; i < 30; i++)
        createItem((i % 2 === 0 ? onA : onB).doc, { type: 'note', x: i, y: 0, text: `n${i}` })
      await settle(
        () => noteTexts(onA).length === 30 && noteTexts(onB).length === 30,
        'both clients to see 30 notes',
      )
      const stream = `atelier:room:${board.id}`
      const readers = `atelier:readers:${board.id}`
      expect(await redisClient.xlen(stream)).toBeGreaterThan(0)
      await settle(
        async () => Object.keys(await redisClient.hgetall(readers)).length === 2,
        'both nodes to record where they read',
      )
      // Everything below the slower node's position goes; the entry at it stays.
      await waitFor(async () => (await redisClient.xlen(stream)) <= 1, 'the stream to be trimmed', 20_000)
      onA.destroy()
      await settle(
        async () => Object.keys(await redisClient.hgetall(readers)).length === 1,
        "A's position to go with its room",
      )
    } finally {
      redisClient.disconnect()
    }
  }, 90_000)
})
