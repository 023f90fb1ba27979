import { CloseCode, CloseReason } from '@atelier/shared'

/** The first wait after the relay said "try again later", doubled at each refusal up to the cap. */
export const RETRY_FIRST_MS = 2000
export const RETRY_MAX_MS = 30_000
/** A connection that lasts this long was accepted: the waits start again from the first. */
export const RETRY_STEADY_MS = 5000

/**
 * y-websocket's own reconnection, except for refused links (44xx, final) and 1013: the relay
 * asked to come back later, and y-websocket would come back at once, again and again.
 */
export function reconnectAtOnce(event: { code: number }): boolean {
  return !(event.code >= 4400 && event.code < 4500) && event.code !== CloseCode.tryAgainLater
}

/** The part of a WebsocketProvider this needs. */
export interface Reconnectable {
  connect(): void
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const browserTimers: Timers = {
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
}

/**
 * Reconnects a provider that the relay closed with 1013 after a wait that doubles while the relay
 * keeps refusing, and tells whether the reason is that the server cannot save (local changes are
 * kept by Yjs and sent again on the next connection).
 */
export class TryAgainLater {
  private refusals = 0
  private retry: unknown = null
  private steady: unknown = null
  private unavailable = false

  constructor(
    private readonly provider: Reconnectable,
    private readonly onChange: () => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** True from a "cannot save" refusal until a connection holds. */
  get storeUnavailable(): boolean {
    return this.unavailable
  }

  /** For the provider's `closed` event (emitted for the closes `reconnectAtOnce` declines). */
  onClosed = ({ code, reason }: { code: number; reason: string }): void => {
    if (code !== CloseCode.tryAgainLater) return
    this.clearSteady()
    this.setUnavailable(reason === CloseReason.storeUnavailable)
    const wait = Math.min(RETRY_FIRST_MS * 2 ** this.refusals, RETRY_MAX_MS)
    this.refusals++
    if (this.retry !== null) this.timers.clearTimeout(this.retry)
    this.retry = this.timers.setTimeout(() => {
      this.retry = null
      this.provider.connect()
    }, wait)
  }

  /** For the provider's `status` event. */
  onStatus = ({ status }: { status: string }): void => {
    this.clearSteady()
    if (status !== 'connected') return
    this.steady = this.timers.setTimeout(() => {
      this.steady = null
      this.refusals = 0
      this.setUnavailable(false)
    }, RETRY_STEADY_MS)
  }

  dispose(): void {
    this.clearSteady()
    if (this.retry !== null) this.timers.clearTimeout(this.retry)
    this.retry = null
  }

  private clearSteady(): void {
    if (this.steady !== null) this.timers.clearTimeout(this.steady)
    this.steady = null
  }

  private setUnavailable(unavailable: boolean): void {
    if (unavailable === this.unavailable) return
    this.unavailable = unavailable
    this.onChange()
  }
}
