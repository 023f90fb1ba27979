import {
  type DocKind,
  itemsMap,
  migrateBoard,
  type RoomTarget,
  SchemaTooNewError,
  stateMap,
  targetRoomName,
} from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { ClusterLink, LinkedRoom } from '../cluster/link.js'
import type { Metrics } from '../metrics.js'
import { applyStoredDocument } from '../store/documents.js'
import { type StoreHealth, StoreUnavailableError } from '../store/health.js'
import type { BoardStore, StoredDocument } from '../store/types.js'
import { Connection } from './connection.js'
import { Frame } from './frames.js'
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.js'
import { SyncAnswers } from './syncAnswers.js'

/** Transaction origin of the changes the server itself makes (migrations). */
export const SERVER_ORIGIN = 'atelier-server'
/** Origin of a document's state read back from the store: already stored, so not appended again. */
const STORE_ORIGIN = Symbol('store')
/** Origin of what another node stored and relayed, or what the store held that this node missed: forwarded, never stored again. */
const RELAYED_ORIGIN = Symbol('relayed')
/**
 * A log this long is folded into the snapshot as the room loads: the next load is one update to
 * apply, and the snapshot is the kept answer to the first joiners. A shorter one costs less to
 * apply at each load than a snapshot costs to write.
 */
export const COMPACT_ON_LOAD_AFTER = 50
/**
 * How long after a room loaded from its snapshot its document is filled, unless something needs
 * it sooner: meanwhile the first joiners decode the snapshot they were sent, and on a machine they
 * share with the relay, filling it at once made their sync 0.7 to 1.1 s slower (bench:coldload).
 */
export const FILL_AFTER_MS = 1000
/** Standard WebSocket close code for a server-side failure. */
const INTERNAL_ERROR = 1011

export interface RoomOptions {
  store: BoardStore
  /** Log length above which a document is folded into a snapshot. */
  compactAfter: number
  log: FastifyBaseLogger
  metrics: Metrics
  health: StoreHealth
  /** The other nodes of the deployment; absent on a single node. */
  link?: ClusterLink
}

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

/**
 * One y-websocket room: the server's copy of a document, its awareness and its connections.
 *
 * Everything that touches the room runs through one queue (`run`), and after each task the
 * document changes it made are appended to the store and only then forwarded. So nothing leaves
 * the relay (neither an update nor a sync reply to a newcomer) before it is stored. The messages
 * that arrive together are handled in one task (`receive`): one append, one forward (group commit).
 */
export class Room implements LinkedRoom {
  /** Replaced only when a write was lost (see `recoverFromLostWrite`); awareness keeps the first one's client id. */
  private current = new Y.Doc()
  readonly awareness = new Awareness(this.current)
  readonly connections = new Set<Connection>()
  /** Sync answers; the whole document's is kept until the document changes. */
  private readonly syncAnswers = new SyncAnswers(() => this.doc)
  /**
   * Yjs client ids facilitators have written with since the room loaded. Nobody else may write new
   * structs under them: a struct written first at a facilitator's next clock would make the relay
   * drop the facilitator's own struct there as a duplicate.
   */
  readonly facilitatorClients = new Set<number>()
  readonly name: string
  readonly boardId: string
  readonly kind: DocKind
  /** Resolves once the stored document is loaded (or the room failed to load). */
  readonly ready: Promise<void>
  private readonly log: FastifyBaseLogger
  private readonly link: ClusterLink | null
  /** Tasks from outside the relay (HTTP handlers) that need the room to stay loaded. */
  private holds = 0
  private queue: Promise<void> = Promise.resolve()
  private pending: PendingUpdate[] = []
  /** Messages received and not handled yet; one queued task handles them all (see `receive`). */
  private inbox: (() => Promise<void>)[] = []
  /** Messages that must wait until the current task's changes are stored and forwarded (see `sendOnceStored`). */
  private waitingSends: (() => void)[] = []
  /** Updates in the store's log for this document since its snapshot, and the last one's seq. */
  private logLength = 0
  private lastSeq = 0
  /** Bytes of the document in the store: its snapshot and the log entries after it. */
  private bytes = 0
  private compactionScheduled = false
  /**
   * The snapshot the room loaded, not yet applied to the document: joiners that have nothing are
   * answered with its bytes as stored, and the document is filled at its first use (an update to
   * apply, a client that has part of it, a task of the relay's) or FILL_AFTER_MS after the load.
   */
  private unfilled: StoredDocument | null = null
  /** Newcomers greeted while the document waits to be filled: they get its state vector then. */
  private readonly awaitingStateVector = new Set<Connection>()
  private state: 'open' | 'closed' = 'open'

  constructor(
    readonly target: RoomTarget,
    private readonly options: RoomOptions,
    private readonly onClosed: (room: Room) => void,
  ) {
    this.boardId = target.boardId
    this.kind = target.kind
    this.name = targetRoomName(target)
    this.log = options.log.child({ boardId: this.boardId, kind: this.kind })
    this.link = options.link ?? null
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.ready = this.run(() => this.load())
  }

  /** The server's copy of the document: everything in it is stored (or is being, in the current task). */
  get doc(): Y.Doc {
    this.fillIfUnfilled()
    return this.current
  }

  get isOpen(): boolean {
    return this.state === 'open'
  }

  /**
   * How much the document weighs in the store once the current task's changes are stored (what
   * the document size limit compares): an update handled earlier in the same task counts already.
   */
  get storedBytes(): number {
    let bytes = this.bytes
    for (const { update } of this.pending) bytes += update.length
    return bytes
  }

  /**
   * Queues a task; resolves when it and the storing and forwarding of its changes are done.
   * A task that throws takes the whole room down (see `fail`): callers catch the errors that
   * concern one connection themselves. A store that cannot write does not: the room goes back to
   * what the store holds (see `recoverFromLostWrite`).
   */
  run(task: () => void | Promise<void>): Promise<void> {
    void this.enqueue(task).catch(() => {})
    return this.queue
  }

  /** Like `run`, but rejects with StoreUnavailableError when the task's changes could not be stored. */
  runStored(task: () => void | Promise<void>): Promise<void> {
    return this.enqueue(task).catch((error: unknown) => {
      if (error instanceof StoreUnavailableError) throw error
    })
  }

  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const done = this.queue.then(async () => {
      if (this.state === 'closed') return
      try {
        await task()
      } finally {
        await this.storeAndForward()
      }
    })
    this.queue = done.catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) this.fail(error)
    })
    return done
  }

  /**
   * Queues the handling of a message from a socket. The messages that arrive before the room gets
   * to them (those of one read from the sockets, or received while an earlier task was storing)
   * are handled in order in one task: their changes are appended to the store as one entry in one
   * transaction, then forwarded, instead of one transaction and one forward per message.
   */
  receive(handle: () => Promise<void>): void {
    this.inbox.push(handle)
    if (this.inbox.length > 1) return
    void this.run(async () => {
      const handlers = this.inbox
      this.inbox = []
      for (const handler of handlers) await handler()
    })
  }

  /**
   * Sends something once the changes the current task made so far are stored and forwarded: at
   * once when there are none. So a sync answer drawn from the document never holds an unstored
   * change (it is drawn then, from the document as it is: the store's, if the write was lost),
   * and a client's awareness sent after its update reaches the others after that update, as it
   * did when each message was a task of its own.
   */
  sendOnceStored(send: () => void): void {
    if (this.pending.length === 0) send()
    else this.waitingSends.push(send)
  }

  add(connection: Connection): void {
    this.connections.add(connection)
  }

  /** Drops a connection and the presence it announced; the last one out unloads the room. */
  remove(connection: Connection): void {
    this.connections.delete(connection)
    this.awaitingStateVector.delete(connection)
    void this.run(async () => {
      if (connection.awarenessIds.size > 0) {
        removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
      }
      if (this.idle) await this.unload()
    })
  }

  /** Sends a newcomer the relay's state vector (sync step 1), so it sends back what the relay lacks. */
  sendStateVector(connection: Connection): void {
    if (this.unfilled) this.awaitingStateVector.add(connection)
    else connection.send(syncStep1Message(this.current))
  }

  /** Answers a client's sync step 1 with what it lacks (sync step 2). */
  answerSync(connection: Connection, stateVector: Uint8Array): void {
    connection.send(this.syncAnswers.answer(stateVector))
  }

  /** Keeps the room loaded without a connection, until `release`. */
  hold(): void {
    this.holds++
  }

  release(): void {
    this.holds--
    void this.run(async () => {
      if (this.idle) await this.unload()
    })
  }

  /** Drops the changes not stored yet, and the messages waiting for them; only for a task that is about to fail the room. */
  discardPending(): void {
    this.pending = []
    this.waitingSends = []
  }

  private get idle(): boolean {
    return this.connections.size === 0 && this.holds === 0
  }

  applyRelayed(update: Uint8Array, byFacilitator: boolean): void {
    void this.run(() => {
      if (byFacilitator)
        for (const client of Y.parseUpdateMeta(update).from.keys()) this.facilitatorClients.add(client)
      Y.applyUpdate(this.doc, update, RELAYED_ORIGIN)
    })
  }

  /** Queued as the node's own awareness is: presence never overtakes the updates relayed before it. */
  applyRelayedAwareness(update: Uint8Array): void {
    void this.run(() => {
      try {
        applyAwarenessUpdate(this.awareness, update, RELAYED_ORIGIN)
      } catch (error) {
        this.log.error({ err: error }, 'skipped a presence update another node relayed that does not read')
      }
    })
  }

  announcePresence(): void {
    const ids = [...this.connections].flatMap((connection) => [...connection.awarenessIds])
    if (ids.length > 0) this.link?.publishAwareness(this, encodeAwarenessUpdate(this.awareness, ids))
  }

  catchUp(): void {
    void this.run(async () => {
      const stored = await this.options.store.loadDocument(this.name)
      applyStoredDocument(this.doc, stored, RELAYED_ORIGIN)
    })
  }

  /** What another node stored reaches this node's clients as it is; it counts in the stored log. */
  private forwardRelayed(update: Uint8Array): void {
    this.logLength++
    this.bytes += update.length
    const message = updateMessage(update)
    for (const connection of this.connections) connection.send(message)
    if (this.logLength >= this.options.compactAfter) this.scheduleCompaction()
  }

  /** Folds the log into a snapshot. Only call from a queued task. */
  compact(): Promise<void> {
    return this.fold(this.link ? 'store' : 'room')
  }

  /** Folds the log into a snapshot made from the room's copy, or from what the store holds. */
  private async fold(from: 'room' | 'store'): Promise<void> {
    if (this.logLength === 0) return
    try {
      if (from === 'store') await this.compactShared()
      else await this.compactOwn()
    } catch (error) {
      // The log still holds every update: compaction waits for the store to write again.
      if (error instanceof StoreUnavailableError) return
      throw error
    }
  }

  /**
   * On a single node the room's copy is the stored document (and on any node, as the room loads):
   * it is the snapshot.
   */
  private async compactOwn(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    // Before the write: a change while it is under way forgets it again.
    this.syncAnswers.know(snapshot)
    await this.options.health.write(() => this.options.store.compact(this.name, snapshot, this.lastSeq))
    this.bytes = snapshot.length
    this.log.debug({ updates: this.logLength, upToSeq: this.lastSeq }, 'compacted')
    this.logLength = 0
  }

  /**
   * With several nodes, this node's copy may lack what another node stored a moment ago: the
   * snapshot is made from the store's own log. Two nodes may fold one log at once: the store keeps
   * the snapshot that covers more and cuts the log where it covers (idempotent compaction).
   */
  private async compactShared(): Promise<void> {
    const stored = await this.options.store.loadDocument(this.name)
    const doc = new Y.Doc()
    try {
      applyStoredDocument(doc, stored, STORE_ORIGIN)
      const snapshot = Y.encodeStateAsUpdate(doc)
      await this.options.health.write(() => this.options.store.compact(this.name, snapshot, stored.lastSeq))
      this.bytes = snapshot.length
      this.log.debug({ updates: this.logLength, upToSeq: stored.lastSeq }, 'compacted')
      this.logLength = 0
    } finally {
      doc.destroy()
    }
  }

  private async load(): Promise<void> {
    // With several nodes, where the stream stands before the store is read: what is relayed
    // after it is read next.
    const position = this.link ? await this.link.position(this.name) : null
    const stored = await this.readStore()
    this.link?.follow(this, position)
    if (stored.snapshot && stored.updates.length === 0) {
      this.unfilled = stored
      this.syncAnswers.know(stored.snapshot)
      // In a task of its own: its migration, if any, is stored before it is sent.
      setTimeout(() => void this.run(() => this.fillIfUnfilled()), FILL_AFTER_MS).unref()
      return
    }
    this.fill(this.current, stored)
    this.collectUpdates(this.current)
    // Just read, the room's copy is what the store holds up to `lastSeq`, on any node.
    if (this.logLength >= COMPACT_ON_LOAD_AFTER) await this.fold('room')
    this.migrate()
  }

  /** Applies the snapshot `load` kept; its migration runs as a task of its own, stored before it is sent. */
  private fillIfUnfilled(): void {
    const stored = this.unfilled
    if (!stored) return
    this.unfilled = null
    this.fill(this.current, stored)
    this.collectUpdates(this.current)
    if (this.kind === 'board') void this.run(() => this.migrate())
    for (const connection of this.awaitingStateVector) connection.send(syncStep1Message(this.current))
    this.awaitingStateVector.clear()
  }

  private migrate(): void {
    if (this.kind !== 'board') return
    try {
      const applied = migrateBoard(this.doc, SERVER_ORIGIN)
      if (applied.length > 0) this.log.info({ applied }, 'migrated board document')
    } catch (error) {
      // A newer server wrote this board: relaying it unchanged is safe, newer versions only add keys.
      if (!(error instanceof SchemaTooNewError)) throw error
      this.log.warn({ found: error.found }, 'board schema is newer than this server; relaying as is')
    }
  }

  /** What the store holds for this room, and where its log stands. */
  private async readStore(): Promise<StoredDocument> {
    const stored = await this.options.store.loadDocument(this.name)
    this.logLength = stored.updates.length
    this.lastSeq = stored.lastSeq
    this.bytes = stored.updates.reduce((sum, update) => sum + update.length, stored.snapshot?.length ?? 0)
    return stored
  }

  /**
   * Fills a fresh document with what the store holds. The document has no update listener yet:
   * Yjs would encode the whole state it applies once more, for nobody.
   */
  private fill(doc: Y.Doc, stored: StoredDocument): void {
    applyStoredDocument(doc, stored, STORE_ORIGIN)
    // A snapshot alone is the whole document, already encoded.
    if (stored.snapshot && stored.updates.length === 0) this.syncAnswers.know(stored.snapshot)
    else this.syncAnswers.forget()
    // The root types the rules read, defined before any client update: a root that an update
    // creates first is a generic type, replaced when read as a map, and the rules would then not
    // find it among the changes of that update's transaction.
    if (this.kind === 'session') stateMap(doc)
    else itemsMap(doc)
  }

  private collectUpdates(doc: Y.Doc): void {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.syncAnswers.forget()
      if (origin === RELAYED_ORIGIN) this.forwardRelayed(update)
      else if (origin !== STORE_ORIGIN) this.pending.push({ update, origin })
    })
  }

  /**
   * The store refused this task's changes: they are in the document but nowhere else (nothing was
   * forwarded). The room starts again from what the store holds, so a newcomer is never sent them;
   * the writers who sent them are told (1013) and resend them when they reconnect; readers stay,
   * they never saw the changes.
   */
  private async recoverFromLostWrite(batch: PendingUpdate[]): Promise<void> {
    for (const connection of this.connections) {
      if (batch.some((pending) => pending.origin === connection)) connection.refuse('store unavailable')
    }
    const doc = new Y.Doc()
    this.fill(doc, await this.readStore())
    this.collectUpdates(doc)
    this.current = doc
    this.log.warn({ updates: batch.length }, 'changes not stored; room reloaded from the store')
  }

  /**
   * Everything one task changed (a client's update and the relay's corrections of it) is stored as
   * one log entry and reaches each peer as one message; the sender only gets what it did not send.
   */
  private async storeAndForward(): Promise<void> {
    const batch = this.pending
    if (batch.length === 0) return
    const unrelayable = this.link?.cause ?? null
    if (unrelayable !== null) {
      // What the other nodes would never receive is not stored either: refused as a store failure.
      this.pending = []
      await this.recoverFromLostWrite(batch)
      this.sendWaiting()
      throw new StoreUnavailableError(unrelayable)
    }
    const merged = mergedUpdate(batch)
    const endTimer = this.options.metrics.storeWriteSeconds.startTimer()
    try {
      this.lastSeq = await this.options.health.write(() => this.options.store.appendUpdate(this.name, merged))
    } catch (error) {
      this.pending = []
      if (error instanceof StoreUnavailableError) {
        await this.recoverFromLostWrite(batch)
        this.sendWaiting()
      }
      throw error
    }
    endTimer()
    this.pending = []
    this.logLength++
    this.bytes += merged.length
    this.forward(batch, merged)
    if (this.link) {
      const byFacilitator = batch.some(
        (p) => p.origin instanceof Connection && p.origin.role === 'facilitator',
      )
      this.link.publishUpdate(this, merged, byFacilitator)
    }
    this.sendWaiting()
    if (this.logLength >= this.options.compactAfter) this.scheduleCompaction()
  }

  /**
   * Sends a stored batch: one frame, built once, to every connection that sent none of it; a
   * writer gets what the others (and the relay's corrections) added.
   */
  private forward(batch: PendingUpdate[], merged: Uint8Array): void {
    const everything = new Frame(updateMessage(merged))
    const senders = new Set(batch.map((p) => p.origin))
    for (const connection of this.connections) {
      if (!senders.has(connection)) {
        connection.send(everything)
        continue
      }
      const rest = batch.filter((p) => p.origin !== connection)
      if (rest.length > 0) connection.send(updateMessage(mergedUpdate(rest)))
    }
  }

  private sendWaiting(): void {
    const sends = this.waitingSends
    this.waitingSends = []
    for (const send of sends) send()
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return
    this.compactionScheduled = true
    // Let the messages already received go first; compaction then runs between two of them.
    setImmediate(() => {
      this.compactionScheduled = false
      void this.run(() => this.compact())
    })
  }

  private async unload(): Promise<void> {
    await this.compact()
    // Someone may have joined while the snapshot was being written.
    if (!this.idle) return
    this.close()
    this.log.debug('unloaded')
  }

  private close(): void {
    this.state = 'closed'
    this.link?.unfollow(this)
    this.onClosed(this)
    this.awareness.destroy()
    this.doc.destroy()
  }

  /**
   * The room's state may now differ from the store's: disconnect everyone so their clients
   * reconnect to a room reloaded from the store (and resend what the store missed).
   */
  private fail(error: unknown): void {
    if (this.state === 'closed') return
    this.log.error({ err: error }, 'room failed; disconnecting its clients')
    this.options.metrics.roomFailures.inc()
    for (const connection of this.connections) connection.close(INTERNAL_ERROR, 'room failed')
    this.discardPending()
    this.close()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      for (const id of added) origin.awarenessIds.add(id)
      for (const id of removed) origin.awarenessIds.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    const message = new Frame(awarenessMessage(this.awareness, changed))
    // This node's clients' presence (origin null: a client left); not what other nodes relayed or timed out.
    const published =
      this.link && (origin instanceof Connection || origin === null)
        ? encodeAwarenessUpdate(this.awareness, changed)
        : null
    this.sendOnceStored(() => {
      for (const connection of this.connections) if (connection !== origin) connection.send(message)
      if (published) this.link?.publishAwareness(this, published)
    })
  }
}

/** The updates of a batch as one (the update itself when there is only one). */
function mergedUpdate(batch: PendingUpdate[]): Uint8Array {
  return batch.length === 1 ? (batch[0] as PendingUpdate).update : Y.mergeUpdates(batch.map((p) => p.update))
}

/** The loaded rooms, by room name; a room loads on its first connection and unloads after its last. */
export class Rooms {
  private readonly rooms = new Map<string, Room>()

  constructor(private readonly options: RoomOptions) {}

  open(target: RoomTarget): Room {
    const name = targetRoomName(target)
    let room = this.rooms.get(name)
    if (!room) {
      room = new Room(target, this.options, (closed) => {
        if (this.rooms.get(closed.name) === closed) this.rooms.delete(closed.name)
      })
      this.rooms.set(name, room)
    }
    return room
  }

  /** The room of a target if it is loaded, without loading it. */
  find(target: RoomTarget): Room | null {
    return this.rooms.get(targetRoomName(target)) ?? null
  }

  get size(): number {
    return this.rooms.size
  }

  countByKind(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const room of this.rooms.values()) counts[room.kind] = (counts[room.kind] ?? 0) + 1
    return counts
  }

  /** Waits for every room's queue and folds every log into its snapshot. */
  async flush(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.run(() => room.compact())))
  }
}
