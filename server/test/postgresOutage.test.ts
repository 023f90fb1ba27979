import { CloseCode, CloseReason, createItem, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { buildApp } from '../src/app.js'
import { BACKEND, connectSynced, createBoard, listen, onCleanup, testConfig, waitFor } from './helpers.js'
import { startPostgres } from './services/postgres.js'

function texts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc).map((item) => item.text ?? '')
}

/**
 * PostgreSQL stopped and started again under a running node. The test has a cluster of its own
 * (the run's shared one must stay up for the other files).
 */
describe.runIf(BACKEND === 'postgres')('PostgreSQL going away and coming back', () => {
  it('answers 503 with the cause, refuses writers, and recovers by itself', async () => {
    const postgres = await startPostgres()
    onCleanup(() => postgres.stop())
    const databaseUrl = await postgres.createDatabase('outage')
    const app = buildApp(testConfig({ databaseUrl }))
    onCleanup(() => app.close())
    const { sync } = await listen(app)
    const board = await createBoard(app)
    const writer = await connectSynced(sync, board.id, board.tokens.facilitator)
    const reader = await connectSynced(sync, board.id, board.tokens.observer)
    const writerCloses: string[] = []
    writer.on('connection-close', (event) => {
      if (event) writerCloses.push(`${event.code} ${event.reason}`)
    })
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'before' })
    await waitFor(() => texts(reader).includes('before'), 'the first note')

    await postgres.halt()
    const health = await app.inject({ method: 'GET', url: '/healthz' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toEqual({ status: 'degraded', cause: 'database unreachable' })
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'during' })
    await waitFor(
      () => writerCloses.includes(`${CloseCode.tryAgainLater} ${CloseReason.storeUnavailable}`),
      'the writer told the server cannot save',
    )
    const creation = await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Later' } })
    expect(creation.statusCode).toBe(503)
    expect(texts(reader)).not.toContain('during')

    await postgres.start()
    // Nobody asks: the node's own probe finds the database again.
    await waitFor(
      async () =>
        (await app.inject({ method: 'GET', url: '/metrics' })).body.includes('atelier_store_degraded 0'),
      'the store to recover by itself',
      20_000,
    )
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    // The stock client reconnects and resends what was refused.
    await waitFor(
      () => texts(reader).includes('during'),
      'the refused note, stored once the database is back',
      20_000,
    )
    expect(
      (await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Now' } })).statusCode,
    ).toBe(201)
  }, 90_000)
})
