/**
 * The y-websocket frames the benchmarks' bare sockets speak (see y-protocols/sync): a message
 * type, for sync messages a step, then a length-prefixed payload.
 */

export const MESSAGE_SYNC = 0
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2
/** Sync step 1 of an empty document: its state vector names no client, so it asks for everything. */
export const EMPTY_STEP1 = Uint8Array.from([MESSAGE_SYNC, SYNC_STEP1, 1, 0])
/** Sync step 2 carrying an empty update: what a client with nothing to add answers. */
export const EMPTY_STEP2 = Uint8Array.from([MESSAGE_SYNC, SYNC_STEP2, 2, 0, 0])
