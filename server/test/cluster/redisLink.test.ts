import Fastify from 'fastify'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import type { LinkedRoom } from '../../src/cluster/link.js'
import { RedisLink } from '../../src/cluster/redisLink.js'
import { onCleanup, waitFor } from '../helpers.js'
import { useRedis } from '../services/redis.js'

// The link's stream trimming against a real Redis: a node trims a room's stream below the lowest
// read position the nodes recorded, so a node must record where it starts reading before anyone
// may trim past it.

const shared = useRedis()

let rooms = 0

/** A room as the link sees it, keeping the updates relayed to it. */
function roomNamed(name: string): LinkedRoom & { relayed: number[] } {
  const relayed: number[] = []
  return {
    name,
    boardId: name,
    kind: 'board',
    relayed,
    applyRelayed: (update) => relayed.push(update[0] ?? -1),
    applyRelayedAwareness: () => {},
    announcePresence: () => {},
    catchUp: () => {},
  }
}

async function linkUp(): Promise<RedisLink> {
  const link = new RedisLink(shared.redis.url, Fastify().log)
  onCleanup(() => link.close())
  await waitFor(() => link.cause === null, 'the link to reach Redis')
  return link
}

describe('RedisLink', () => {
  it("records where a node starts reading as it asks, so another node's trim keeps what it has not read", async () => {
    const name = `room-${++rooms}`
    const inspector = new Redis(shared.redis.url)
    onCleanup(() => inspector.disconnect())
    const readers = `atelier:readers:${name}`
    const stream = `atelier:room:${name}`

    const a = await linkUp()
    const onA = roomNamed(name)
    a.follow(onA, await a.position(name))
    for (const n of [1, 2, 3]) a.publishUpdate(onA, Uint8Array.of(n), false)
    // A's presence query when it followed, then its three updates.
    await waitFor(async () => (await inspector.xlen(stream)) === 4, 'four entries in the stream')

    // B loads the room: it asks where the stream stands, then reads the store (not here), then follows.
    const b = await linkUp()
    const from = await b.position(name)
    expect(from).not.toBeNull()
    expect(await inspector.hget(readers, b.nodeId)).toMatch(new RegExp(`^${from} \\d+$`))

    // Meanwhile A writes on, reads its own entries and, at its next heartbeat, trims.
    for (const n of [4, 5]) a.publishUpdate(onA, Uint8Array.of(n), false)
    await waitFor(async () => (await inspector.xlen(stream)) === 6, 'six entries in the stream')
    const [[last] = []] = await inspector.xrevrange(stream, '+', '-', 'COUNT', 1)
    const positionOfA = async () => {
      const [id, at] = (await inspector.hget(readers, a.nodeId))?.split(' ') ?? []
      return { id, at: Number(at) }
    }
    await waitFor(async () => (await positionOfA()).id === last, "A's heartbeat after it read its last entry")
    // Heartbeats run one at a time: once the next one has recorded, that one's trim is done.
    const { at } = await positionOfA()
    await waitFor(async () => (await positionOfA()).at > at, "A's next heartbeat")
    // It trimmed below the lowest recorded position, B's: that entry and the two after it stay.
    expect(await inspector.xlen(stream)).toBe(3)

    const onB = roomNamed(name)
    b.follow(onB, from)
    await waitFor(() => onB.relayed.length === 2, 'B to read the two entries written after it asked')
    expect(onB.relayed).toEqual([4, 5])
  }, 30_000)
})
