import { CloseReason, type DocKind, type Role, type RoomTarget } from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import { WebSocket } from 'ws'
import type { Limits } from '../config.js'
import type { Metrics } from '../metrics.js'
import { Frame, type FrameWriter, frameWriter } from './frames.js'
import { LimitRefusal, RateLimit, REFUSAL_CLOSE_CODE, type RefusalReason } from './limits.js'
import type { RoomAccess } from './permissions.js'

/** Who opened a socket, as checked at the upgrade. */
export interface Visitor {
  target: RoomTarget
  role: Role
  /** From the person credential, or a fresh id for a client that sent none. */
  personId: string
  access: RoomAccess
}

/** The limits a connection is held to and where its traffic is counted. */
export interface ConnectionGuard {
  limits: Limits
  metrics: Metrics
}

/** One client socket in one room, with who it is and which awareness client ids it speaks for. */
export class Connection {
  /** Awareness client ids this socket has announced; removed for everyone when it leaves. */
  readonly awarenessIds = new Set<number>()
  /** Cleared on each ping, set on each pong: still false at the next ping means the peer is gone. */
  alive = true
  /** Set once the connection sent a malformed message: nothing more from it is read. */
  rejected = false
  readonly boardId: string
  readonly kind: DocKind
  readonly role: Role
  readonly personId: string
  /** Whether the relay applies this connection's document updates (else it drops them). */
  readonly writable: boolean
  /** Each rate allows one second's worth at once (a minute's for sync requests). */
  readonly rates: { awareness: RateLimit; syncRequests: RateLimit; updates: RateLimit }
  private readonly metrics: Metrics
  private readonly sendBufferBytes: number
  private readonly writeFrame: FrameWriter

  constructor(
    readonly id: string,
    readonly ws: WebSocket,
    visitor: Visitor,
    readonly log: FastifyBaseLogger,
    { limits, metrics }: ConnectionGuard,
  ) {
    this.boardId = visitor.target.boardId
    this.kind = visitor.target.kind
    this.role = visitor.role
    this.personId = visitor.personId
    this.writable = visitor.access === 'write'
    this.metrics = metrics
    this.sendBufferBytes = limits.sendBufferBytes
    this.writeFrame = frameWriter(ws)
    this.rates = {
      awareness: new RateLimit(limits.awarenessPerSecond, limits.awarenessPerSecond),
      syncRequests: new RateLimit(limits.syncRequestsPerMinute, limits.syncRequestsPerMinute / 60),
      updates: new RateLimit(limits.updatesPerSecond, limits.updatesPerSecond),
    }
  }

  /** Takes one message from a rate; throws LimitRefusal when the connection is over it. */
  take(rate: keyof Connection['rates'], reason: RefusalReason): void {
    if (!this.rates[rate].take()) throw new LimitRefusal(reason)
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /**
   * Queues a message for the client: a frame built once for everyone it goes to, or the bytes of
   * a message for this client alone. A client that does not read what it is sent (its socket's
   * buffer past the limit) is cut off: otherwise the relay would hold every message for it.
   */
  send(message: Frame | Uint8Array): void {
    if (!this.open) return
    if (this.ws.bufferedAmount > this.sendBufferBytes) {
      this.refuse('send buffer full', { bufferedBytes: this.ws.bufferedAmount })
      return
    }
    this.metrics.messagesSent.inc()
    this.writeFrame(message instanceof Frame ? message : new Frame(message), this.afterWrite)
  }

  private readonly afterWrite = (error?: Error | null): void => {
    if (!error) return
    this.log.debug({ err: error }, 'send failed, dropping connection')
    this.ws.terminate()
  }

  /**
   * Closes the connection for breaking a limit (1008 or 1013, see REFUSAL_CLOSE_CODE), logged and
   * counted with its reason. A socket that does not read is cut at once: a close frame would
   * wait behind everything it has not read.
   */
  refuse(reason: RefusalReason, details: Record<string, unknown> = {}): void {
    if (this.rejected) return
    this.rejected = true
    this.metrics.refused(reason)
    this.log.warn({ reason, ...details }, 'limit reached; closing the connection')
    if (reason === 'send buffer full') this.ws.terminate()
    else {
      const text = reason === 'store unavailable' ? CloseReason.storeUnavailable : reason
      this.close(REFUSAL_CLOSE_CODE[reason], text)
    }
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason)
    }
  }
}
