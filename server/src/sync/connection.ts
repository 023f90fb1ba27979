import type { DocKind, Role, RoomTarget } from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import { WebSocket } from 'ws'
import type { RoomAccess } from './permissions.js'

/** Who opened a socket, as checked at the upgrade. */
export interface Visitor {
  target: RoomTarget
  role: Role
  /** From the person credential, or a fresh id for a client that sent none. */
  personId: string
  access: RoomAccess
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

  constructor(
    readonly id: string,
    readonly ws: WebSocket,
    visitor: Visitor,
    readonly log: FastifyBaseLogger,
  ) {
    this.boardId = visitor.target.boardId
    this.kind = visitor.target.kind
    this.role = visitor.role
    this.personId = visitor.personId
    this.writable = visitor.access === 'write'
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  send(message: Uint8Array): void {
    if (!this.open) return
    this.ws.send(message, { binary: true }, (error) => {
      if (!error) return
      this.log.debug({ err: error }, 'send failed, dropping connection')
      this.ws.terminate()
    })
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason)
    }
  }
}
