import type { FastifyBaseLogger } from 'fastify'
import type { Metrics } from '../metrics.js'
import type { BoardStore } from './types.js'

/** How often a store that could not write is tried again, without waiting for a client. */
const PROBE_INTERVAL_MS = 5000

/** The store could not write: the change was not stored, and the caller must not act as if it were. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError'
  constructor(readonly reason: string) {
    super(`the store cannot write: ${reason}`)
  }
}

/** A short cause a lab can act on, from the SQLite or file-system error. */
export function storeFailureCause(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk full'
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      return 'storage is read-only'
    }
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'storage input/output error'
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * Whether the store can write. Every write goes through `write`: a failure makes the store
 * degraded (health answers 503 with the cause, the relay refuses writers instead of failing
 * rooms) until a write or a periodic probe succeeds again.
 */
export class StoreHealth {
  private failure: { cause: string; since: Date } | null = null
  private probeTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly store: BoardStore,
    private readonly log: FastifyBaseLogger,
    private readonly metrics: Metrics,
    private readonly probeIntervalMs = PROBE_INTERVAL_MS,
  ) {
    metrics.observeStore(this)
  }

  /** Why the store cannot write, or null when it can. */
  get cause(): string | null {
    return this.failure?.cause ?? null
  }

  /** Runs one store write; throws StoreUnavailableError (and turns degraded) when it fails. */
  async write<T>(operation: () => Promise<T>): Promise<T> {
    let result: T
    try {
      result = await operation()
    } catch (error) {
      this.metrics.storeWriteFailures.inc()
      this.degrade(error)
      throw new StoreUnavailableError(storeFailureCause(error))
    }
    this.recover()
    return result
  }

  /** Tries the store again now if it is degraded; resolves with the cause that remains, or null. */
  async check(): Promise<string | null> {
    if (this.failure && this.store.probeWrite) {
      try {
        await this.store.probeWrite()
        this.recover()
      } catch (error) {
        this.degrade(error)
      }
    }
    return this.cause
  }

  stop(): void {
    if (this.probeTimer) clearInterval(this.probeTimer)
    this.probeTimer = null
  }

  private degrade(error: unknown): void {
    const cause = storeFailureCause(error)
    if (this.failure?.cause === cause) return
    this.log.error({ err: error, cause }, 'the store cannot write; writers are refused until it can')
    this.failure = { cause, since: new Date() }
    if (!this.probeTimer) {
      this.probeTimer = setInterval(() => void this.check(), this.probeIntervalMs)
      this.probeTimer.unref()
    }
  }

  private recover(): void {
    if (!this.failure) return
    this.log.warn({ cause: this.failure.cause, since: this.failure.since }, 'the store can write again')
    this.failure = null
    this.stop()
  }
}
