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

/** Network errors, and PostgreSQL's shutdown (57P0x) and connection (08xxx) classes. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
])
/** node-postgres's own errors for a lost or unobtainable connection, which carry no code. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/

/** A short cause a lab can act on, from the SQLite, PostgreSQL or file-system error. */
export function storeFailureCause(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  if (typeof code === 'string') {
    // 53100: PostgreSQL's disk_full.
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === '53100')
      return 'disk full'
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      return 'storage is read-only'
    }
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'storage input/output error'
    if (UNREACHABLE_CODES.has(code) || code.startsWith('57P0') || code.startsWith('08')) {
      return 'database unreachable'
    }
    // 25006: a PostgreSQL standby (or a primary turned read-only) refuses writes.
    if (code === '25006') return 'database is read-only'
  }
  if (UNREACHABLE_MESSAGE.test(message)) return 'database unreachable'
  return message
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

  /**
   * Tries the store again now if it is degraded; else asks a networked store whether it still
   * answers (a database gone away is seen before the next write). Resolves with the cause, or null.
   */
  async check(): Promise<string | null> {
    if (this.failure && this.store.probeWrite) {
      try {
        await this.store.probeWrite()
        this.recover()
      } catch (error) {
        this.degrade(error)
      }
    } else if (!this.failure && this.store.ping) {
      try {
        await this.store.ping()
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
