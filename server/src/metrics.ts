import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { RefusalReason } from './sync/limits.js'

/** What the metrics read from the relay when they are scraped. */
export interface RelayGauges {
  readonly connectionCount: number
  /** Loaded rooms by kind (board, session, private). */
  roomCounts(): Record<string, number>
}

/**
 * The server's Prometheus metrics, in a registry of their own (one per app, so tests can build
 * several). `GET /metrics` serves them; docs/api.md lists them.
 */
export class Metrics {
  readonly registry = new Registry()
  private relay: RelayGauges | null = null
  private store: { readonly cause: string | null } | null = null

  readonly messagesReceived = new Counter({
    name: 'atelier_messages_received_total',
    help: 'WebSocket messages received from clients, by y-websocket message type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  })
  readonly messagesSent = new Counter({
    name: 'atelier_messages_sent_total',
    help: 'WebSocket messages sent to clients',
    registers: [this.registry],
  })
  readonly messagesRefused = new Counter({
    name: 'atelier_messages_refused_total',
    help: 'Client messages refused (their connection closed), by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })
  readonly storeWriteSeconds = new Histogram({
    name: 'atelier_store_write_seconds',
    help: 'Time to append one update to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  })
  readonly storeWriteFailures = new Counter({
    name: 'atelier_store_write_failures_total',
    help: 'Store writes that failed (disk full, read-only…)',
    registers: [this.registry],
  })
  readonly roomFailures = new Counter({
    name: 'atelier_room_failures_total',
    help: 'Rooms that failed and disconnected their clients',
    registers: [this.registry],
  })

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'atelier_' })
    const metrics = this
    new Gauge({
      name: 'atelier_connections',
      help: 'Open WebSocket connections',
      registers: [this.registry],
      collect() {
        this.set(metrics.relay?.connectionCount ?? 0)
      },
    })
    new Gauge({
      name: 'atelier_store_degraded',
      help: '1 while the store cannot write (writers are refused), else 0',
      registers: [this.registry],
      collect() {
        this.set(metrics.store?.cause ? 1 : 0)
      },
    })
    new Gauge({
      name: 'atelier_rooms_loaded',
      help: 'Documents loaded in the relay, by kind',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      collect() {
        this.reset()
        for (const [kind, count] of Object.entries(metrics.relay?.roomCounts() ?? {})) {
          this.set({ kind }, count)
        }
      },
    })
  }

  observeStore(store: { readonly cause: string | null }): void {
    this.store = store
  }

  observeRelay(relay: RelayGauges): void {
    this.relay = relay
  }

  refused(reason: RefusalReason): void {
    this.messagesRefused.inc({ reason })
  }
}
