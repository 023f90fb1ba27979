/** Top-level y-websocket message types (first varUint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** Sub-types of a sync message, as y-protocols/sync numbers them. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

/** WebSocket close codes the relay uses; clients read them to tell the person what happened. */
export const CloseCode = {
  /** The server is restarting: reconnect. */
  serviceRestart: 1012,
  /** A message the relay could not decode. */
  unsupportedData: 1003,
  /** A message above MAX_MESSAGE_BYTES. */
  messageTooBig: 1009,
  /** No token, a wrong token, or a token of another board. */
  unauthorized: 4401,
  /** The link this connection used was replaced by the facilitator. */
  tokenRevoked: 4403,
} as const

/** Largest single WebSocket message the relay accepts (a pasted image goes over HTTP, not here). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024

/** How often the relay pings each socket; one missed pong closes it. */
export const PING_INTERVAL_MS = 30_000
