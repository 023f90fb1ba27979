import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/** WebSocket frame header bits (RFC 6455 §5.2): a final frame of binary data, not masked. */
const FIN_BINARY = 0x82
const LENGTH_16 = 126
const LENGTH_64 = 127

/**
 * One binary message as a complete WebSocket frame, header and payload in one buffer, built once
 * and written as is to every socket it goes to: a fan-out to fifty peers encodes it once and
 * costs each socket one write, where `ws.send` frames the message again for each (a new header,
 * two writes gathered by cork) — on the relay's path from a writer to everyone else.
 */
export class Frame {
  readonly bytes: Buffer

  constructor(readonly payload: Uint8Array) {
    // Frames the server sends are never masked (§5.1); the length takes 7, 16 or 64 bits (§5.2).
    const length = payload.length
    const headerLength = length < LENGTH_16 ? 2 : length < 0x10000 ? 4 : 10
    const bytes = Buffer.allocUnsafe(headerLength + length)
    bytes[0] = FIN_BINARY
    if (length < LENGTH_16) bytes[1] = length
    else if (length < 0x10000) {
      bytes[1] = LENGTH_16
      bytes.writeUInt16BE(length, 2)
    } else {
      bytes[1] = LENGTH_64
      bytes.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
      bytes.writeUInt32BE(length % 2 ** 32, 6)
    }
    bytes.set(payload, headerLength)
    this.bytes = bytes
  }
}

function isSocket(value: unknown): value is Socket {
  return typeof (value as Partial<Socket> | undefined)?.write === 'function'
}

/** Writes one frame to one client; `done` gets the error of a write that failed. */
export type FrameWriter = (frame: Frame, done: (error?: Error | null) => void) => void

/**
 * How frames go to a server-side `ws` socket. Without an extension (the relay turns
 * `perMessageDeflate` off) `ws` writes every frame of its own (messages, pings, the close frame)
 * to the underlying socket at once and in order, so a prebuilt frame written straight to that
 * socket keeps its place among them and still counts in `ws.bufferedAmount`. Where that does not
 * hold (an extension was negotiated, or `ws` no longer keeps its socket as `_socket`) each frame's
 * payload goes through `ws.send`.
 */
export function frameWriter(ws: WebSocket): FrameWriter {
  const socket = (ws as unknown as { _socket?: unknown })._socket
  if (ws.extensions === '' && isSocket(socket)) {
    return (frame, done) => {
      socket.write(frame.bytes, done)
    }
  }
  return (frame, done) => ws.send(frame.payload, { binary: true }, done)
}
