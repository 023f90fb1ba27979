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
  /** The connection broke a limit that waiting will not lift (an awareness state too large or too deep). */
  policyViolation: 1008,
  /** The connection went over a rate, or the server cannot save right now: reconnect later. */
  tryAgainLater: 1013,
  /** No token, a wrong token, or a token of another board. */
  unauthorized: 4401,
  /** The link this connection used was replaced by the facilitator. */
  tokenRevoked: 4403,
} as const

/**
 * Close reasons the client tells apart (a close reason is at most 123 bytes). The relay sends
 * `storeUnavailable` with `tryAgainLater` when the store cannot write: the client shows that the
 * server cannot save and reconnects later, its unsaved changes kept.
 */
export const CloseReason = {
  storeUnavailable: 'the server cannot save right now',
} as const

/** Largest single WebSocket message the relay accepts (a pasted image goes over HTTP, not here). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024

/** How often the relay pings each socket; one missed pong closes it. */
export const PING_INTERVAL_MS = 30_000
