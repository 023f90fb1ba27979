import {
  CloseCode,
  canWrite,
  type DocKind,
  MessageType,
  PING_INTERVAL_MS,
  type Role,
  SyncMessageType,
} from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import * as decoding from 'lib0/decoding'
import type { RawData, WebSocket } from 'ws'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { BoardStore } from '../store/types.js'
import { Connection } from './connection.js'
import { awarenessMessage, syncStep1Message, syncStep2Message } from './messages.js'
import { type Room, Rooms } from './rooms.js'

/** How long shutdown waits for clients to answer the close frame before cutting them off. */
const SHUTDOWN_GRACE_MS = 2000

export interface RelayOptions {
  store: BoardStore
  compactAfter: number
  log: FastifyBaseLogger
  pingIntervalMs?: number
}

/** A message the relay cannot read: the sending connection is closed with 1003. */
class MalformedMessage extends Error {
  override name = 'MalformedMessage'
}

type Handler = (room: Room, connection: Connection, decoder: decoding.Decoder) => void

function readSync(room: Room, connection: Connection, decoder: decoding.Decoder): void {
  const subType = decoding.readVarUint(decoder)
  switch (subType) {
    case SyncMessageType.step1:
      connection.send(syncStep2Message(room.doc, decoding.readVarUint8Array(decoder)))
      return
    case SyncMessageType.step2:
    case SyncMessageType.update: {
      const update = decoding.readVarUint8Array(decoder)
      if (!canWrite(connection.role, room.kind)) {
        connection.log.debug('dropped an update from a read-only connection')
        return
      }
      Y.applyUpdate(room.doc, update, connection)
      return
    }
    default:
      throw new MalformedMessage(`unknown sync message type ${subType}`)
  }
}

/** What the relay does with each y-websocket message type; any other type is malformed. */
const handlers: Partial<Record<number, Handler>> = {
  [MessageType.sync]: readSync,
  [MessageType.awareness]: (room, connection, decoder) => {
    applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), connection)
  },
  [MessageType.queryAwareness]: (room, connection) => {
    connection.send(awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]))
  },
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
export class Relay {
  private readonly rooms: Rooms
  private readonly connections = new Set<Connection>()
  private readonly pingTimer: NodeJS.Timeout
  private nextConnectionId = 0

  constructor(private readonly options: RelayOptions) {
    this.rooms = new Rooms(options)
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs ?? PING_INTERVAL_MS)
    this.pingTimer.unref()
  }

  get connectionCount(): number {
    return this.connections.size
  }

  accept(ws: WebSocket, target: { boardId: string; kind: DocKind; role: Role }): Connection {
    const id = `c${++this.nextConnectionId}`
    const log = this.options.log.child({
      boardId: target.boardId,
      kind: target.kind,
      connId: id,
      role: target.role,
    })
    const connection = new Connection(id, ws, target.boardId, target.kind, target.role, log)
    const room = this.rooms.open(target.boardId, target.kind)
    this.connections.add(connection)
    room.add(connection)
    void room.run(() => greet(room, connection))

    ws.on('message', (data, isBinary) => {
      void room.run(() => this.receive(room, connection, toBytes(data), isBinary))
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

  /** Closes every connection with 1012 so clients reconnect, then stores every room. */
  async close(): Promise<void> {
    clearInterval(this.pingTimer)
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

  private receive(room: Room, connection: Connection, message: Uint8Array, isBinary: boolean): void {
    if (connection.rejected) return
    try {
      if (!isBinary) throw new MalformedMessage('text frame')
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      const handler = handlers[type]
      if (!handler) throw new MalformedMessage(`unknown message type ${type}`)
      handler(room, connection, decoder)
    } catch (error) {
      connection.rejected = true
      connection.log.warn({ err: error }, 'malformed message; closing the connection')
      connection.close(CloseCode.unsupportedData, 'malformed message')
    }
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

/** A newcomer gets the server's state vector (so it sends what the server lacks) and everyone's presence. */
function greet(room: Room, connection: Connection): void {
  connection.send(syncStep1Message(room.doc))
  const clients = [...room.awareness.getStates().keys()]
  if (clients.length > 0) connection.send(awarenessMessage(room.awareness, clients))
}
