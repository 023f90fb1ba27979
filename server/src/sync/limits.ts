import { CloseCode } from '@atelier/shared'
import * as decoding from 'lib0/decoding'
import { jsonDepth } from '../validation.js'

/** Why the relay refused a connection's message; also the `reason` label of the refusal metric. */
export type RefusalReason =
  | 'awareness too large'
  | 'awareness too deep'
  | 'awareness rate'
  | 'sync request rate'
  | 'update rate'
  | 'document full'
  | 'send buffer full'
  | 'store unavailable'

/** How a refusal closes the socket: 1008 when waiting will not help, 1013 when it will. */
export const REFUSAL_CLOSE_CODE: Record<RefusalReason, number> = {
  'awareness too large': CloseCode.policyViolation,
  'awareness too deep': CloseCode.policyViolation,
  'awareness rate': CloseCode.tryAgainLater,
  'sync request rate': CloseCode.tryAgainLater,
  'update rate': CloseCode.tryAgainLater,
  'document full': CloseCode.policyViolation,
  'send buffer full': CloseCode.tryAgainLater,
  'store unavailable': CloseCode.tryAgainLater,
}

/** A message over one of the connection's limits: the connection is closed, the room carries on. */
export class LimitRefusal extends Error {
  override name = 'LimitRefusal'
  constructor(readonly reason: RefusalReason) {
    super(reason)
  }
}

/**
 * Deepest nesting of objects and arrays an awareness state may have. Honest states (user, cursor,
 * view, reaction) are three levels deep; JSON.stringify recurses, so a state 20,000 levels deep
 * would overflow the stack when the relay re-encodes it for a newcomer.
 */
export const AWARENESS_MAX_DEPTH = 16

/**
 * Checks an awareness update (y-protocols encoding) before anything parses or applies it: its
 * size, then the depth of every state's JSON. Throws LimitRefusal, or a decoding error when the
 * bytes are not an awareness update.
 */
export function checkAwarenessUpdate(update: Uint8Array, maxBytes: number): void {
  if (update.length > maxBytes) throw new LimitRefusal('awareness too large')
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder) // client id
    decoding.readVarUint(decoder) // clock
    const state = decoding.readVarString(decoder)
    if (jsonDepth(state, AWARENESS_MAX_DEPTH) > AWARENESS_MAX_DEPTH) {
      throw new LimitRefusal('awareness too deep')
    }
  }
}

/**
 * A token bucket: `capacity` messages at once, refilled at `perSecond`. An honest client's burst
 * fits the capacity; a client that keeps sending faster than the rate runs out.
 */
export class RateLimit {
  private tokens: number
  private last: number

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity
    this.last = now()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
