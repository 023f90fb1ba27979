import {
  CloseCode,
  type DocKind,
  MessageType,
  PING_INTERVAL_MS,
  type Role,
  type RoomTarget,
  readSessionState,
  roomName,
  type SessionState,
  SyncMessageType,
} from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import * as decoding from 'lib0/decoding'
import type { RawData, WebSocket } from 'ws'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { ClusterLink } from '../cluster/link.js'
import type { Limits } from '../config.js'
import type { Metrics } from '../metrics.js'
import { readDocument } from '../store/documents.js'
import type { StoreHealth } from '../store/health.js'
import type { BoardStore } from '../store/types.js'
import { Connection, type Visitor } from './connection.js'
import { checkAwarenessUpdate, LimitRefusal } from './limits.js'
import { awarenessMessage } from './messages.js'
import { stampAwarenessPersonId } from './policies/awareness.js'
import type { ClientUpdate, RelayServices, RoomPolicy, UpdateCheck } from './policies/types.js'
import { UpdateRevert } from './revert.js'
import { type Room, Rooms, SERVER_ORIGIN } from './rooms.js'
import { MalformedUpdate } from './updates/decode.js'
import { inspectUpdate } from './updates/inspect.js'

/** How long shutdown waits for clients to answer the close frame before cutting them off. */
const SHUTDOWN_GRACE_MS = 2000

export interface RelayOptions {
  store: BoardStore
  compactAfter: number
  log: FastifyBaseLogger
  limits: Limits
  metrics: Metrics
  health: StoreHealth
  /** The other nodes of the deployment (see docs/architecture.md, Several nodes); absent on a single node. */
  link?: ClusterLink
  pingIntervalMs?: number
  /** The rules applied to writers' updates, in order (see `policies/index.ts`). */
  rules?: (services: RelayServices) => readonly RoomPolicy[]
}

/** Session states of unloaded boards kept in memory (a few hundred bytes each); read again from the store past it. */
export const UNLOADED_SESSIONS_KEPT = 1000

const MESSAGE_TYPE_NAMES = new Map<number, string>(
  Object.entries(MessageType).map(([name, type]) => [type, name]),
)

/** An update that carries nothing (no struct, no deletion): what a client with no news answers a sync request with. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

/** A message the relay cannot read: the sending connection is closed with 1003. */
class MalformedMessage extends Error {
  override name = 'MalformedMessage'
}

/** The room's document can no longer be trusted to match the store: the room goes down and reloads. */
class RoomFailure extends Error {
  override name = 'RoomFailure'
  constructor(what: string, cause: unknown) {
    super(what, { cause })
  }
}

async function runPolicy<T>(policy: RoomPolicy, hook: () => T | Promise<T>): Promise<T> {
  try {
    return await hook()
  } catch (error) {
    throw new RoomFailure(`policy ${policy.name} failed`, error)
  }
}

/** Runs a rule's check; a rule that throws on a value it did not expect refuses the update. */
function judge(policy: RoomPolicy, verdict: () => string | null): string | null {
  try {
    return verdict()
  } catch (error) {
    return `rule ${policy.name} met a value it does not expect: ${error instanceof Error ? error.message : String(error)}`
  }
}

/** Applies a client's update and returns its transaction. */
function applyClientUpdate(room: Room, connection: Connection, update: Uint8Array): Y.Transaction | null {
  let applied: Y.Transaction | null = null
  const capture = (transaction: Y.Transaction): void => {
    if (transaction.origin === connection) applied = transaction
  }
  room.doc.on('afterTransaction', capture)
  try {
    Y.applyUpdate(room.doc, update, connection)
  } catch (error) {
    // Read and checked whole beforehand, so Yjs should never stop half-way; if it does, what it
    // applied must not be stored.
    throw new RoomFailure('an update checked beforehand failed to apply', error)
  } finally {
    room.doc.off('afterTransaction', capture)
  }
  return applied
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

/**
 * The y-websocket relay: accepts authenticated sockets into rooms, answers sync requests, applies
 * and forwards the updates of connections allowed to write, relays awareness, and keeps sockets
 * alive with pings.
 */
export class Relay implements RelayServices {
  private readonly rooms: Rooms
  private readonly connections = new Set<Connection>()
  private readonly rules: readonly RoomPolicy[]
  /** The rules of each room kind, in their order. */
  private readonly rulesByKind = new Map<DocKind, readonly RoomPolicy[]>()
  /**
   * Session state of boards whose session room is not loaded. A session document only changes
   * through its loaded room, so an entry stays true until that room opens (which drops it), or
   * another node says it changed the document. The oldest entries go past UNLOADED_SESSIONS_KEPT.
   */
  private readonly unloadedSessions = new Map<string, SessionState>()
  /** Counts another node's session changes: a state read from the store before one is not kept. */
  private sessionChanges = 0
  private readonly pingTimer: NodeJS.Timeout
  private nextConnectionId = 0

  constructor(private readonly options: RelayOptions) {
    this.rooms = new Rooms(options)
    options.metrics.observeRelay(this)
    this.rules = options.rules?.(this) ?? []
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs ?? PING_INTERVAL_MS)
    this.pingTimer.unref()
    options.link?.onControl((message) => {
      if (message.type === 'session-changed') {
        this.sessionChanges++
        this.unloadedSessions.delete(message.boardId)
      } else if (message.type === 'close-connections') {
        const { boardId, role, code, reason } = message
        this.closeLocalConnections(boardId, role, code, reason)
      }
    })
  }

  get connectionCount(): number {
    return this.connections.size
  }

  roomCounts(): Record<string, number> {
    return this.rooms.countByKind()
  }

  accept(ws: WebSocket, visitor: Visitor): Connection {
    const id = `c${++this.nextConnectionId}`
    const log = this.options.log.child({
      boardId: visitor.target.boardId,
      kind: visitor.target.kind,
      connId: id,
      role: visitor.role,
    })
    const { limits, metrics } = this.options
    const connection = new Connection(id, ws, visitor, log, { limits, metrics })
    const room = this.openRoom(visitor.target)
    this.connections.add(connection)
    room.add(connection)
    void room.run(() => greet(room, connection))

    ws.on('message', (data, isBinary) => {
      room.receive(() => this.receive(room, connection, toBytes(data), isBinary))
    })
    ws.on('pong', () => {
      connection.alive = true
    })
    ws.on('error', (error) => {
      // ws closes the socket itself (1009 for an oversized message) and then emits 'close'.
      log.info({ err: error }, 'socket error')
    })
    ws.on('close', (code) => {
      this.connections.delete(connection)
      room.remove(connection)
      log.debug({ code }, 'connection closed')
    })
    log.info('connection opened')
    return connection
  }

  async withRoom<T>(target: RoomTarget, task: (room: Room) => T | Promise<T>): Promise<T> {
    const room = this.openRoom(target)
    room.hold()
    try {
      const outcome: { done?: { value: T } | { error: unknown } } = {}
      await room.runStored(async () => {
        try {
          outcome.done = { value: await task(room) }
        } catch (error) {
          outcome.done = { error }
        }
      })
      if (!outcome.done) throw new Error(`room ${room.name} failed before the task could run`)
      if ('error' in outcome.done) throw outcome.done.error
      return outcome.done.value
    } finally {
      room.release()
    }
  }

  async sessionState(boardId: string): Promise<SessionState> {
    const room = this.rooms.find({ boardId, kind: 'session' })
    if (room) {
      await room.ready
      if (room.isOpen) return readSessionState(room.doc)
    }
    const cached = this.unloadedSessions.get(boardId)
    if (cached) {
      this.keepSessionState(boardId, cached)
      return cached
    }
    // Not loaded: the store holds every change the room ever made.
    const changesBefore = this.sessionChanges
    const doc = await readDocument(this.options.store, roomName(boardId, 'session'))
    try {
      const state = readSessionState(doc)
      // The room may have opened, or another node changed the document, while the store was
      // read: then the state read is not kept.
      if (!this.rooms.find({ boardId, kind: 'session' }) && changesBefore === this.sessionChanges) {
        this.keepSessionState(boardId, state)
      }
      return state
    } finally {
      doc.destroy()
    }
  }

  /** How many unloaded boards' session states are kept: at most UNLOADED_SESSIONS_KEPT. */
  get keptSessionStates(): number {
    return this.unloadedSessions.size
  }

  /**
   * Keeps the session state of an unloaded board, dropping the least recently read one past
   * UNLOADED_SESSIONS_KEPT: a node's memory follows the boards in use, not every board it served.
   */
  private keepSessionState(boardId: string, state: SessionState): void {
    this.unloadedSessions.delete(boardId)
    this.unloadedSessions.set(boardId, state)
    if (this.unloadedSessions.size > UNLOADED_SESSIONS_KEPT) {
      const oldest = this.unloadedSessions.keys().next().value
      if (oldest !== undefined) this.unloadedSessions.delete(oldest)
    }
  }

  private openRoom(target: RoomTarget): Room {
    if (target.kind === 'session') this.unloadedSessions.delete(target.boardId)
    return this.rooms.open(target)
  }

  /**
   * Closes the connections a board's link of one role opened (after that link was replaced), on
   * every node; answers how many this node closed.
   */
  closeConnections(boardId: string, role: Role, code: number, reason: string): number {
    this.options.link?.broadcast({ type: 'close-connections', boardId, role, code, reason })
    return this.closeLocalConnections(boardId, role, code, reason)
  }

  private closeLocalConnections(boardId: string, role: Role, code: number, reason: string): number {
    let closed = 0
    for (const connection of this.connections) {
      if (connection.boardId !== boardId || connection.role !== role) continue
      connection.close(code, reason)
      closed++
    }
    return closed
  }

  /** Closes every connection with 1012 so clients reconnect, then stores every room. */
  async close(): Promise<void> {
    clearInterval(this.pingTimer)
    for (const rule of this.rules) rule.close?.()
    const closed = [...this.connections].map(
      (connection) => new Promise<void>((resolve) => connection.ws.once('close', () => resolve())),
    )
    for (const connection of this.connections) connection.close(CloseCode.serviceRestart, 'server restarting')
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())
    await Promise.race([Promise.all(closed), grace])
    for (const connection of this.connections) connection.ws.terminate()
    await Promise.all(closed)
    await this.rooms.flush()
  }

  private async receive(
    room: Room,
    connection: Connection,
    message: Uint8Array,
    isBinary: boolean,
  ): Promise<void> {
    if (connection.rejected) return
    try {
      if (!isBinary) throw new MalformedMessage('text frame')
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      this.options.metrics.messagesReceived.inc({ type: MESSAGE_TYPE_NAMES.get(type) ?? 'unknown' })
      switch (type) {
        case MessageType.sync:
          return await this.readSync(room, connection, decoder)
        case MessageType.awareness: {
          connection.take('awareness', 'awareness rate')
          const received = decoding.readVarUint8Array(decoder)
          // Before anything parses or re-encodes the states: a deep one would overflow the stack.
          checkAwarenessUpdate(received, this.options.limits.awarenessBytes)
          const update = stampAwarenessPersonId(received, connection.personId)
          applyAwarenessUpdate(room.awareness, update, connection)
          return
        }
        case MessageType.queryAwareness:
          connection.take('awareness', 'awareness rate')
          connection.send(awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]))
          return
        default:
          throw new MalformedMessage(`unknown message type ${type}`)
      }
    } catch (error) {
      if (error instanceof RoomFailure) {
        room.discardPending()
        throw error
      }
      if (error instanceof LimitRefusal) {
        connection.refuse(error.reason)
        return
      }
      rejectMalformed(connection, error)
    }
  }

  private async readSync(room: Room, connection: Connection, decoder: decoding.Decoder): Promise<void> {
    const subType = decoding.readVarUint(decoder)
    switch (subType) {
      case SyncMessageType.step1: {
        // Each answer is the whole document: a client asking again and again would multiply it.
        connection.take('syncRequests', 'sync request rate')
        const stateVector = decoding.readVarUint8Array(decoder)
        // An update handled just before, in the same task, is not stored yet: the answer waits for it.
        room.sendOnceStored(() => {
          try {
            room.answerSync(connection, stateVector)
          } catch (error) {
            rejectMalformed(connection, error)
          }
        })
        return
      }
      case SyncMessageType.step2:
      case SyncMessageType.update: {
        const update = decoding.readVarUint8Array(decoder)
        if (!connection.writable) {
          connection.log.debug('dropped an update from a read-only connection')
          return
        }
        if (!this.admitUpdate(room, connection, update)) return
        await this.applyChecked(room, connection, update)
        return
      }
      default:
        throw new MalformedMessage(`unknown sync message type ${subType}`)
    }
  }

  /** Whether a writer's update is worth applying; throws LimitRefusal when the connection may not write now. */
  private admitUpdate(room: Room, connection: Connection, update: Uint8Array): boolean {
    if (isEmptyUpdate(update)) return false
    connection.take('updates', 'update rate')
    if (room.storedBytes > this.options.limits.documentBytes) throw new LimitRefusal('document full')
    // Refused before it is applied: an update the store cannot keep must not reach anyone.
    if (this.options.health.cause !== null) throw new LimitRefusal('store unavailable')
    // Nor one the other nodes would never receive.
    if (this.options.link && this.options.link.cause !== null) throw new LimitRefusal('store unavailable')
    return true
  }

  /**
   * Applies a writer's update, in the room's current queue task: read whole and checked against the
   * document first (a malformed update throws and is never applied), then the rules in their order
   * (see `policies/index.ts`). A refused update is taken back with everything the rules corrected
   * in it (`UpdateRevert`): the update and its revert are stored and forwarded together.
   */
  private async applyChecked(room: Room, connection: Connection, bytes: Uint8Array): Promise<void> {
    const { footprint, writers } = inspectUpdate(room.doc, bytes)
    // The relay's own id writes its corrections and reverts; Yjs would also give the room a new one.
    if (writers.has(room.doc.clientID))
      throw new MalformedUpdate("writes structs under the relay's client id")
    if (connection.role === 'facilitator') {
      for (const client of writers) room.facilitatorClients.add(client)
    } else if ([...writers].some((client) => room.facilitatorClients.has(client))) {
      throw new MalformedUpdate("writes structs under a facilitator's client id")
    }
    const update: ClientUpdate = { room, connection, footprint }
    const rules = this.rulesOf(room.kind)
    const checks: { rule: RoomPolicy; check: UpdateCheck }[] = []
    let refusal: string | null = null
    const scope = [...room.doc.share.values(), ...[...footprint.roots].map((root) => room.doc.get(root))]
    const revert = new UpdateRevert(
      room.doc,
      scope,
      [connection, SERVER_ORIGIN],
      room.kind === 'board' ? footprint.itemIds : null,
    )
    try {
      for (const rule of rules) {
        try {
          const check = await rule.prepare?.(update)
          if (check) checks.push({ rule, check })
        } catch (error) {
          refusal ??= `rule ${rule.name} could not read the document: ${error instanceof Error ? error.message : String(error)}`
        }
      }
      const transaction = applyClientUpdate(room, connection, bytes)
      if (!transaction) return
      for (const { rule, check } of checks) {
        if (refusal) break
        if (check.refusal) refusal = judge(rule, () => check.refusal?.(transaction) ?? null)
      }
      const corrections = checks.filter(({ check }) => check.correct)
      // The rules' corrections as one transaction (theirs nest in it): one change to store and forward.
      if (!refusal && corrections.length > 0) {
        room.doc.transact(() => {
          for (const { rule, check } of corrections) {
            if (refusal) break
            refusal = judge(rule, () => {
              check.correct?.(transaction)
              return null
            })
          }
        }, SERVER_ORIGIN)
      }
      if (refusal) {
        connection.log.info({ reason: refusal }, 'reverted an update the rules refuse')
        revert.revert(connection.log)
        return
      }
      for (const rule of rules) {
        await runPolicy(rule, () => rule.onAccepted?.(update, transaction))
      }
    } finally {
      for (const { check } of checks) check.dispose?.()
      revert.destroy()
    }
  }

  private rulesOf(kind: DocKind): readonly RoomPolicy[] {
    let rules = this.rulesByKind.get(kind)
    if (!rules) {
      rules = this.rules.filter((rule) => rule.kinds.includes(kind))
      this.rulesByKind.set(kind, rules)
    }
    return rules
  }

  private ping(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.log.info('no pong since the last ping; dropping the connection')
        connection.ws.terminate()
        continue
      }
      connection.alive = false
      if (connection.open) connection.ws.ping()
    }
  }
}

/** A connection that sent a message the relay cannot read is closed with 1003; nothing more from it is read. */
function rejectMalformed(connection: Connection, error: unknown): void {
  connection.rejected = true
  connection.log.warn({ err: error }, 'malformed message; closing the connection')
  connection.close(CloseCode.unsupportedData, 'malformed message')
}

/** A newcomer gets the server's state vector (so it sends what the server lacks) and everyone's presence. */
function greet(room: Room, connection: Connection): void {
  room.sendStateVector(connection)
  const clients = [...room.awareness.getStates().keys()]
  if (clients.length > 0) connection.send(awarenessMessage(room.awareness, clients))
}
