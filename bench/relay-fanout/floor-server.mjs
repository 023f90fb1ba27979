/**
 * The transport floor of the fan-out benchmark: a relay that does nothing but pass bytes on. It
 * answers a client's sync request with an empty document (so stock clients count as synced) and
 * writes every other message, as it came, to every other socket of the process, each frame built
 * once. No document, no store, no rules: what is left is the cost of reading one WebSocket
 * message and writing it to each peer, which any relay, the stock one included, pays too.
 *
 *   HOST=127.0.0.1 PORT=1234 node bench/relay-fanout/floor-server.mjs
 */
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'

/** Sync step 2 carrying an empty update: message type sync (0), step 2 (1), 2 bytes, no structs, no deletions. */
const EMPTY_SYNC_ANSWER = frameOf(Uint8Array.of(0, 1, 2, 0, 0))

/**
 * A whole unmasked binary frame (RFC 6455 §5.2) around `payload`.
 * @param {Uint8Array} payload
 */
function frameOf(payload) {
  const length = payload.length
  const header = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const bytes = Buffer.allocUnsafe(header + length)
  bytes[0] = 0x82
  if (length < 126) bytes[1] = length
  else if (length < 0x10000) {
    bytes[1] = 126
    bytes.writeUInt16BE(length, 2)
  } else {
    bytes[1] = 127
    bytes.writeBigUInt64BE(BigInt(length), 2)
  }
  bytes.set(payload, header)
  return bytes
}

const http = createServer((_req, res) => res.end('floor relay'))
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })
/** @type {Set<import('node:net').Socket>} */
const sockets = new Set()

wss.on('connection', (ws) => {
  const socket = /** @type {import('node:net').Socket} */ (/** @type {any} */ (ws)._socket)
  sockets.add(socket)
  ws.on('close', () => sockets.delete(socket))
  ws.on('message', (data) => {
    const message = /** @type {Buffer} */ (data)
    // A sync request (type 0, step 1) gets the empty answer; everything else goes to the others.
    if (message[0] === 0 && message[1] === 0) {
      socket.write(EMPTY_SYNC_ANSWER)
      return
    }
    const frame = frameOf(message)
    for (const peer of sockets) if (peer !== socket) peer.write(frame)
  })
})

http.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
