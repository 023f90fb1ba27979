import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { Redis, type RedisOptions } from 'ioredis'
import { type ControlMessage, parseControl } from './control.js'
import { decodeEntry, entryFields, lowerStreamId, type StreamEntry } from './entries.js'
import type { ClusterLink, LinkedRoom } from './link.js'

/** How long one XREAD waits for news before it is sent again (a room loading interrupts it at once). */
const BLOCK_MS = 5000
/** Most entries read at once over every stream. */
const READ_COUNT = 512
/** How often a node says it is alive, records where it read each stream and trims them. */
const HEARTBEAT_MS = 2000
/** A node silent for this long is gone: its read positions stop holding entries back. */
const NODE_TIMEOUT_MS = 10_000
/** A stream (and its readers' positions) nobody wrote to or read for this long is dropped by Redis. */
const STREAM_TTL_MS = 3_600_000

const KEYS = {
  stream: (room: string) => `atelier:room:${room}`,
  readers: (room: string) => `atelier:readers:${room}`,
  nodes: 'atelier:nodes',
  control: 'atelier:control',
} as const

interface Follow {
  room: LinkedRoom
  /** The last entry read, or null until Redis could be asked where the stream stands. */
  lastId: string | null
}

type XReadReply = [Buffer, [Buffer, Buffer[]][]][]

function isXReadReply(reply: unknown): reply is XReadReply {
  return (
    Array.isArray(reply) &&
    reply.every((stream) => Array.isArray(stream) && Buffer.isBuffer(stream[0]) && Array.isArray(stream[1]))
  )
}

/** A node's entry in a room's readers hash: the last entry it read, and when it said so. */
function readerPosition(lastId: string, at: number): string {
  return `${lastId} ${at}`
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The cluster link over Redis (see docs/architecture.md, Several nodes): one stream per room, read
 * only by the nodes that have the room loaded, through one blocking XREAD per node; a pub/sub
 * channel for control messages; a sorted set of live nodes. Redis holds nothing the store does not:
 * every entry is added after its update is stored, so Redis losing its data loses nothing.
 */
export class RedisLink implements ClusterLink {
  readonly nodeId = randomBytes(6).toString('hex')
  private readonly commands: Redis
  /** Only ever blocked in XREAD: nothing else waits behind it. */
  private readonly reader: Redis
  private readonly subscriber: Redis
  private readonly follows = new Map<string, Follow>()
  private readonly listeners: ((message: ControlMessage) => void)[] = []
  private readonly heartbeat: NodeJS.Timeout
  /** Connections that are not ready, with the last error each met. */
  private readonly unready = new Map<Redis, string>()
  /** A write Redis refused while connected; cleared by the next write that succeeds. */
  private writeFailure: string | null = null
  private readerId: number | null = null
  /** Set once every connection was ready: readiness after that is a recovery. */
  private connected = false
  private wake: (() => void) | null = null
  private catchUpScheduled = false
  /** A heartbeat is running: the next one waits for it (a slow Redis must not pile them up). */
  private beating = false
  private closed = false
  private readonly reading: Promise<void>

  constructor(
    url: string,
    private readonly log: FastifyBaseLogger,
  ) {
    // Commands fail at once while Redis is away rather than wait: a write that cannot be relayed
    // is refused, and the node says it is degraded.
    const options: RedisOptions = {
      // RESP2: XREAD answers a list of [stream, entries] (RESP3 answers a map).
      protocol: 2,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      connectionName: `atelier-${this.nodeId}`,
    }
    this.commands = new Redis(url, options)
    this.reader = new Redis(url, options)
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true })
    for (const connection of [this.commands, this.reader, this.subscriber]) this.watch(connection)
    this.reader.on('ready', () => {
      this.reader.client('ID').then(
        (id) => {
          this.readerId = Number(id)
        },
        (error: unknown) => this.log.debug({ err: error }, 'could not read the stream reader id'),
      )
    })
    this.subscriber.subscribe(KEYS.control).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not subscribe to the control channel yet')
    })
    this.subscriber.on('message', (_channel: string, text: string) => this.receiveControl(text))
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS)
    this.heartbeat.unref()
    this.reading = this.readLoop()
    this.log.info({ nodeId: this.nodeId }, 'cluster link to Redis started')
  }

  get cause(): string | null {
    const [lost] = this.unready.values()
    if (lost !== undefined) return `Redis unreachable: ${lost}`
    return this.writeFailure === null ? null : `Redis refused a write: ${this.writeFailure}`
  }

  /**
   * Also records it as where this node reads the room, before the room reads the store: from then
   * on no other node trims what this node has not read, and what was trimmed before was stored
   * before the room reads the store.
   */
  async position(roomName: string): Promise<string | null> {
    if (this.cause !== null) return null
    try {
      const [last] = (await this.commands.xrevrange(KEYS.stream(roomName), '+', '-', 'COUNT', 1)) ?? []
      const id = last?.[0] ?? '0-0'
      await this.recordPositions([[roomName, id]])
      return id
    } catch (error) {
      this.log.warn({ err: error, room: roomName }, 'could not read where a room stream stands')
      return null
    }
  }

  follow(room: LinkedRoom, from: string | null): void {
    this.follows.set(KEYS.stream(room.name), { room, lastId: from })
    this.add(room, { node: this.nodeId, type: 'presence-query' })
    this.changed()
  }

  unfollow(room: LinkedRoom): void {
    const key = KEYS.stream(room.name)
    if (this.follows.get(key)?.room !== room) return
    this.follows.delete(key)
    this.changed()
    if (this.cause === null) {
      this.commands.hdel(KEYS.readers(room.name), this.nodeId).catch((error: unknown) => {
        this.log.debug({ err: error, room: room.name }, 'could not drop a read position')
      })
    }
  }

  publishUpdate(room: LinkedRoom, update: Uint8Array, byFacilitator: boolean): void {
    this.add(room, { node: this.nodeId, type: 'update', data: update, facilitator: byFacilitator })
    if (room.kind === 'session') this.broadcast({ type: 'session-changed', boardId: room.boardId })
  }

  publishAwareness(room: LinkedRoom, update: Uint8Array): void {
    this.add(room, { node: this.nodeId, type: 'awareness', data: update })
  }

  broadcast(message: ControlMessage): void {
    const text = JSON.stringify({ from: this.nodeId, message })
    this.commands.publish(KEYS.control, text).catch((error: unknown) => {
      this.log.warn({ err: error, type: message.type }, 'could not send a control message to the other nodes')
    })
  }

  onControl(listener: (message: ControlMessage) => void): void {
    this.listeners.push(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.heartbeat)
    this.changed()
    if (this.cause === null) {
      const leaving = this.commands.pipeline().zrem(KEYS.nodes, this.nodeId)
      for (const { room } of this.follows.values()) leaving.hdel(KEYS.readers(room.name), this.nodeId)
      await leaving.exec().catch((error: unknown) => this.log.debug({ err: error }, 'could not say goodbye'))
    }
    this.follows.clear()
    this.reader.disconnect()
    await this.reading
    await Promise.allSettled([this.commands.quit(), this.subscriber.quit()])
  }

  /** Keeps `unready` true to each connection's state; a link whose connections are all back recovers. */
  private watch(connection: Redis): void {
    this.unready.set(connection, 'connecting')
    connection.on('ready', () => {
      const wasDown = this.cause !== null
      this.unready.delete(connection)
      if (!wasDown || this.cause !== null) return
      this.recover(this.connected)
      this.connected = true
    })
    connection.on('error', (error: Error) => {
      if (this.unready.has(connection)) this.unready.set(connection, describe(error))
      else this.log.debug({ err: error }, 'Redis connection error')
    })
    connection.on('close', () => {
      if (this.closed) return
      const wasUp = this.cause === null
      this.unready.set(connection, this.unready.get(connection) ?? 'connection closed')
      if (wasUp) this.log.error({ nodeId: this.nodeId }, 'lost Redis; writers are refused until it is back')
    })
  }

  /**
   * Connected, or back from an outage: each loaded room learns where its stream stands (if it never
   * could) and reads the store for what it missed. After an outage the others do the same, since
   * what this node stored meanwhile may not have been relayed.
   */
  private recover(afterOutage: boolean): void {
    if (afterOutage) this.log.warn({ nodeId: this.nodeId }, 'Redis is back; catching up from the store')
    else this.log.info({ nodeId: this.nodeId }, 'connected to Redis')
    void (async () => {
      // Before the catch-up reads the store: what others trim meanwhile is stored by then. (Redis
      // may have lost the positions, or this node's went stale while it was away.)
      const read = [...this.follows.values()].flatMap(({ room, lastId }) =>
        lastId === null ? [] : [[room.name, lastId] as [string, string]],
      )
      await this.recordPositions(read).catch((error: unknown) => {
        this.log.warn({ err: error }, 'could not record the read positions; others may trim early')
      })
      for (const follow of this.follows.values()) {
        if (follow.lastId === null) {
          follow.lastId = await this.position(follow.room.name)
          this.add(follow.room, { node: this.nodeId, type: 'presence-query' })
        }
      }
      this.scheduleCatchUp()
      if (afterOutage)
        this.broadcast({ type: 'catch-up', because: `node ${this.nodeId} reconnected to Redis` })
      this.changed()
    })()
  }

  /** Catches every loaded room up, once for several requests close together. */
  private scheduleCatchUp(): void {
    if (this.catchUpScheduled) return
    this.catchUpScheduled = true
    setTimeout(() => {
      this.catchUpScheduled = false
      for (const { room } of this.follows.values()) room.catchUp()
    }, 100).unref()
  }

  /** Records where this node reads each of these rooms' streams (the heartbeat keeps them fresh). */
  private async recordPositions(positions: [room: string, id: string][]): Promise<void> {
    if (positions.length === 0) return
    const now = Date.now()
    const recording = this.commands.pipeline()
    for (const [room, id] of positions) {
      recording.hset(KEYS.readers(room), this.nodeId, readerPosition(id, now))
      recording.pexpire(KEYS.readers(room), STREAM_TTL_MS)
    }
    const failed = ((await recording.exec()) ?? []).find(([error]) => error !== null)?.[0]
    if (failed) throw failed
  }

  private add(room: LinkedRoom, entry: StreamEntry): void {
    if (this.cause !== null) return
    const key = KEYS.stream(room.name)
    const adding = this.commands.pipeline().xadd(key, '*', ...entryFields(entry))
    if (entry.type === 'update') adding.pexpire(key, STREAM_TTL_MS)
    adding
      .exec()
      .then((results) => {
        const failed = results?.find(([error]) => error !== null)?.[0]
        if (failed) throw failed
      })
      .catch((error: unknown) => {
        if (entry.type !== 'update') {
          this.log.debug({ err: error, room: room.name }, 'presence not relayed')
          return
        }
        // Stored, not relayed: the other nodes catch up from the store once this node relays again.
        if (this.writeFailure === null) {
          this.log.error({ err: error, room: room.name }, 'an update was stored but not relayed')
        }
        this.writeFailure = describe(error)
      })
  }

  private changed(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
    if (this.readerId !== null && this.cause === null) {
      this.commands.client('UNBLOCK', this.readerId).catch((error: unknown) => {
        this.log.debug({ err: error }, 'could not interrupt the stream reader')
      })
    }
  }

  private waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      timer.unref()
      this.wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  }

  /** One XREAD at a time over the streams of every loaded room, from where each was last read. */
  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const read = [...this.follows].filter(
        (entry): entry is [string, Follow & { lastId: string }] => entry[1].lastId !== null,
      )
      if (read.length === 0 || this.cause !== null) {
        await this.waitForChange(200)
        continue
      }
      let reply: unknown
      try {
        reply = await this.reader.callBuffer(
          'XREAD',
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...read.map(([key]) => key),
          ...read.map(([, follow]) => follow.lastId),
        )
      } catch (error) {
        if (this.closed) return
        this.log.debug({ err: error }, 'stream read failed')
        await this.waitForChange(200)
        continue
      }
      if (reply === null) continue
      if (!isXReadReply(reply)) {
        this.log.error('Redis answered XREAD with something else than streams; reading again')
        await this.waitForChange(1000)
        continue
      }
      this.deliver(reply)
    }
  }

  private deliver(reply: XReadReply): void {
    for (const [keyBytes, entries] of reply) {
      const follow = this.follows.get(keyBytes.toString())
      if (!follow) continue
      for (const [idBytes, fields] of entries) {
        follow.lastId = idBytes.toString()
        let entry: StreamEntry
        try {
          entry = decodeEntry(fields)
        } catch (error) {
          this.log.error({ err: error, room: follow.room.name }, 'skipped a stream entry it cannot read')
          continue
        }
        if (entry.node === this.nodeId) continue
        if (entry.type === 'update') follow.room.applyRelayed(entry.data, entry.facilitator)
        else if (entry.type === 'awareness') follow.room.applyRelayedAwareness(entry.data)
        else follow.room.announcePresence()
      }
    }
  }

  private receiveControl(text: string): void {
    try {
      const envelope = JSON.parse(text) as { from?: unknown; message?: unknown }
      if (envelope.from === this.nodeId) return
      const message = parseControl(envelope.message)
      if (message.type === 'catch-up') {
        this.log.info({ because: message.because }, 'catching the loaded rooms up from the store')
        this.scheduleCatchUp()
        return
      }
      for (const listener of this.listeners) listener(message)
    } catch (error) {
      this.log.error({ err: error }, 'skipped a control message it cannot read')
    }
  }

  /**
   * Says this node is alive, records where it read each stream, trims each stream below the lowest
   * position of the live nodes reading it (every entry is in the store already), and tells everyone
   * to catch up when a node went silent: it may have died between storing and relaying.
   */
  private async beat(): Promise<void> {
    if (this.closed || this.unready.size > 0 || this.beating) return
    this.beating = true
    try {
      await this.beatOnce()
    } finally {
      this.beating = false
    }
  }

  private async beatOnce(): Promise<void> {
    const now = Date.now()
    const read = [...this.follows.values()].filter(
      (follow): follow is Follow & { lastId: string } => follow.lastId !== null,
    )
    try {
      const beat = this.commands.pipeline().zadd(KEYS.nodes, now, this.nodeId)
      beat.zrangebyscore(KEYS.nodes, '-inf', now - NODE_TIMEOUT_MS)
      for (const { room, lastId } of read) {
        beat.hset(KEYS.readers(room.name), this.nodeId, readerPosition(lastId, now))
        beat.pexpire(KEYS.readers(room.name), STREAM_TTL_MS)
        beat.hgetall(KEYS.readers(room.name))
      }
      const results = (await beat.exec()) ?? []
      const failed = results.find(([error]) => error !== null)?.[0]
      if (failed) throw failed
      if (this.writeFailure !== null) {
        this.log.warn({ cause: this.writeFailure }, 'Redis takes writes again')
        this.writeFailure = null
        this.recover(true)
      }
      const silent = (results[1]?.[1] ?? []) as string[]
      const trim = this.commands.pipeline()
      read.forEach(({ room }, index) => {
        const positions = (results[2 + index * 3 + 2]?.[1] ?? {}) as Record<string, string>
        let lowest: string | null = null
        for (const [node, value] of Object.entries(positions)) {
          const [id = '0-0', at = '0'] = value.split(' ')
          if (now - Number(at) > NODE_TIMEOUT_MS) trim.hdel(KEYS.readers(room.name), node)
          else lowest = lowest === null ? id : lowerStreamId(lowest, id)
        }
        if (lowest !== null) trim.xtrim(KEYS.stream(room.name), 'MINID', lowest)
      })
      for (const node of silent) trim.zrem(KEYS.nodes, node)
      const trimmed = (await trim.exec()) ?? []
      const removed = trimmed.slice(trimmed.length - silent.length)
      if (removed.some(([, count]) => count === 1)) {
        this.log.warn({ nodes: silent }, 'nodes went silent; every node catches up from the store')
        this.scheduleCatchUp()
        this.broadcast({ type: 'catch-up', because: `nodes ${silent.join(', ')} went silent` })
      }
    } catch (error) {
      this.log.warn({ err: error }, 'cluster heartbeat failed')
    }
  }
}
