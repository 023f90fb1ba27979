import type { DocKind, Role } from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import { WebSocket } from 'ws'

/** One client socket in one room, with who it is and which awareness client ids it speaks for. */
export class Connection {
  /** Awareness client ids this socket has announced; removed for everyone when it leaves. */
  readonly awarenessIds = new Set<number>()
  /** Cleared on each ping, set on each pong: still false at the next ping means the peer is gone. */
  alive = true
  /** Set once the connection sent a malformed message: nothing more from it is read. */
  rejected = false

  constructor(
    readonly id: string,
    readonly ws: WebSocket,
    readonly boardId: string,
    readonly kind: DocKind,
    readonly role: Role,
    readonly log: FastifyBaseLogger,
  ) {}

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
