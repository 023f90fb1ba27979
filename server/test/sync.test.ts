import {
  CloseCode,
  type CreateBoardResponse,
  createItem,
  itemsMap,
  MAX_MESSAGE_BYTES,
  readItems,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import { readDocument } from '../src/store/documents.js'
import type { SqlStore } from '../src/store/sql/store.js'
import {
  closeCode,
  connectSynced,
  createBoard,
  listen,
  onCleanup,
  openRaw,
  openTestStore,
  refusedStatus,
  testConfig,
  waitFor,
} from './helpers.js'

interface Running {
  app: FastifyInstance
  store: SqlStore
  config: Config
  sync: string
  board: CreateBoardResponse
}

async function startServer(overrides: Partial<Config> = {}): Promise<Running> {
  const config = testConfig(overrides)
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  return { app, store, config, sync, board: await createBoard(app) }
}

function noteTexts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc)
    .filter((item) => item.type === 'note')
    .map((item) => item.text ?? '')
}

function addNote(provider: WebsocketProvider, text: string): string {
  return createItem(provider.doc, { type: 'note', x: 0, y: 0, text })
}

/**
 * Resolves once the relay has handled everything `from` sent before: awareness goes through the
 * same queue as updates, so `to` seeing this marker means the earlier updates were applied or dropped.
 */
async function relayedUpTo(from: WebsocketProvider, to: WebsocketProvider, marker: string): Promise<void> {
  from.awareness.setLocalStateField('marker', marker)
  await waitFor(
    () => to.awareness.getStates().get(from.awareness.clientID)?.marker === marker,
    `marker ${marker}`,
  )
}

describe('sync relay', () => {
  it('makes two stock y-websocket clients converge', async () => {
    const { sync, board } = await startServer()
    const a = await connectSynced(sync, board.id, board.tokens.facilitator)
    const b = await connectSynced(sync, board.id, board.tokens.participant)
    expect(b.doc.getMap('meta').get('title')).toBe('Retro')

    addNote(a, 'from a')
    addNote(b, 'from b')
    await waitFor(() => noteTexts(a).length === 2 && noteTexts(b).length === 2, 'both notes on both clients')
    expect(noteTexts(a).sort()).toEqual(['from a', 'from b'])
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('refuses upgrades without a valid token of this board with 401, other paths with 404', async () => {
    const { app, sync, board } = await startServer()
    const other = await createBoard(app)
    expect(await refusedStatus(`${sync}/${board.id}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${board.id}?token=${'A'.repeat(43)}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${board.id}?token=${other.tokens.facilitator}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${board.id}/session?token=${other.tokens.facilitator}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${'U'.repeat(22)}?token=${board.tokens.facilitator}`)).toBe(401)
    expect(await refusedStatus(`${sync}/${board.id}/other?token=${board.tokens.facilitator}`)).toBe(404)
    expect(await refusedStatus(`${sync.replace('/sync', '/elsewhere')}/${board.id}`)).toBe(404)
  })

  it('sends the board to an observer but never applies, stores or forwards its updates', async () => {
    const { sync, board, store } = await startServer()
    const facilitator = await connectSynced(sync, board.id, board.tokens.facilitator)
    addNote(facilitator, 'visible')
    const observer = await connectSynced(sync, board.id, board.tokens.observer)
    await waitFor(() => noteTexts(observer).includes('visible'), 'the observer to receive the board')

    addNote(observer, 'forbidden')
    await relayedUpTo(observer, facilitator, 'after-forbidden')
    expect(noteTexts(facilitator)).toEqual(['visible'])

    const fresh = await connectSynced(sync, board.id, board.tokens.participant)
    expect(noteTexts(fresh)).toEqual(['visible'])
    expect(readItems(await readDocument(store, board.id)).map((item) => item.text)).toEqual(['visible'])
  })

  it('lets only facilitators write the session document', async () => {
    const { sync, board, store } = await startServer()
    const room = `${board.id}/session`
    const facilitator = await connectSynced(sync, room, board.tokens.facilitator)
    const participant = await connectSynced(sync, room, board.tokens.participant)

    participant.doc.getMap('timer').set('endsAt', 1)
    await relayedUpTo(participant, facilitator, 'after-participant')
    expect(facilitator.doc.getMap('timer').size).toBe(0)

    facilitator.doc.getMap('timer').set('running', true)
    await waitFor(
      () => participant.doc.getMap('timer').get('running') === true,
      'the participant to see the timer',
    )
    expect((await readDocument(store, room)).getMap('timer').toJSON()).toEqual({ running: true })
    // The board document is a separate room: nothing of the session leaked into it.
    expect((await readDocument(store, board.id)).getMap('timer').size).toBe(0)
  })

  it('closes a connection sending a malformed message with 1003; the others carry on', async () => {
    const { sync, board } = await startServer()
    const a = await connectSynced(sync, board.id, board.tokens.facilitator)
    const b = await connectSynced(sync, board.id, board.tokens.participant)
    const url = `${sync}/${board.id}?token=${board.tokens.participant}`
    for (const message of [
      [7], // unknown message type
      [0, 9], // unknown sync message type
      [0, 2, 5, 1, 2], // update shorter than its announced length
      [0, 2, 4, 255, 255, 255, 255], // update that is not a Yjs update
      [1, 3, 1, 2, 3], // awareness update that is not one
    ]) {
      const raw = await openRaw(url)
      const closed = closeCode(raw)
      raw.send(Uint8Array.from(message))
      expect(await closed, JSON.stringify(message)).toBe(CloseCode.unsupportedData)
    }
    const text = await openRaw(url)
    const closed = closeCode(text)
    text.send('hello')
    expect(await closed).toBe(CloseCode.unsupportedData)

    addNote(a, 'still syncing')
    await waitFor(() => noteTexts(b).includes('still syncing'), 'the other client to sync')
  })

  it('closes a connection sending an oversized message with 1009', async () => {
    const { sync, board } = await startServer()
    const raw = await openRaw(`${sync}/${board.id}?token=${board.tokens.facilitator}`)
    const closed = closeCode(raw)
    raw.send(new Uint8Array(MAX_MESSAGE_BYTES + 1))
    expect(await closed).toBe(CloseCode.messageTooBig)
  })

  it('relays presence and removes it for everyone when its connection leaves', async () => {
    const { sync, board } = await startServer()
    const a = await connectSynced(sync, board.id, board.tokens.facilitator)
    const b = await connectSynced(sync, board.id, board.tokens.observer)
    b.awareness.setLocalStateField('user', { name: 'Observer' })
    await waitFor(
      () => a.awareness.getStates().get(b.awareness.clientID)?.user?.name === 'Observer',
      'presence',
    )
    // The stock client sends no removal of its own when it disconnects: the relay must.
    b.disconnect()
    await waitFor(() => !a.awareness.getStates().has(b.awareness.clientID), 'presence to be removed')
  })

  it('compacts a long log in the background and when the room unloads', async () => {
    const { sync, board, store } = await startServer({ compactAfter: 5 })
    const a = await connectSynced(sync, board.id, board.tokens.facilitator)
    const b = await connectSynced(sync, board.id, board.tokens.participant)
    for (let i = 0; i < 12; i++) addNote(a, `note ${i}`)
    await waitFor(() => noteTexts(b).length === 12, 'all notes relayed')
    await waitFor(
      async () => (await store.loadDocument(board.id)).updates.length < 5,
      'background compaction',
    )

    addNote(a, 'last')
    await waitFor(() => noteTexts(b).length === 13, 'last note relayed')
    a.destroy()
    b.destroy()
    await waitFor(
      async () => (await store.loadDocument(board.id)).updates.length === 0,
      'compaction on unload',
    )
    expect(readItems(await readDocument(store, board.id))).toHaveLength(13)
  })

  it('on close, closes every socket with 1012 and has stored everything', async () => {
    const { app, sync, board, config } = await startServer()
    const a = await connectSynced(sync, board.id, board.tokens.facilitator)
    const b = await connectSynced(sync, board.id, board.tokens.participant)
    const session = await connectSynced(sync, `${board.id}/session`, board.tokens.facilitator)
    const sessionReader = await connectSynced(sync, `${board.id}/session`, board.tokens.observer)
    const codes: number[] = []
    for (const provider of [a, b, session, sessionReader]) {
      provider.on('connection-close', (event) => {
        if (event) codes.push(event.code)
      })
    }
    addNote(a, 'kept')
    session.doc.getMap('agenda').set('step', 3)
    await waitFor(() => noteTexts(b).includes('kept'), 'the note to be relayed')
    await waitFor(() => sessionReader.doc.getMap('agenda').get('step') === 3, 'the agenda step to be relayed')

    await app.close()
    await waitFor(() => codes.length === 4, 'every client to see the close')
    expect(codes).toEqual(Array(4).fill(CloseCode.serviceRestart))
    for (const provider of [a, b, session, sessionReader]) provider.disconnect()

    const reopened = await openTestStore(config)
    onCleanup(() => reopened.close())
    expect(readItems(await readDocument(reopened, board.id)).map((item) => item.text)).toEqual(['kept'])
    expect((await readDocument(reopened, `${board.id}/session`)).getMap('agenda').get('step')).toBe(3)
    expect((await reopened.loadDocument(board.id)).updates).toEqual([])
  })

  it('migrates an outside document without meta to schema version 1 on load', async () => {
    const { sync, board, store } = await startServer()
    // A board whose stored document has no meta at all (written by an outside tool).
    const outside = new Y.Doc()
    itemsMap(outside).set('x', new Y.Map())
    await store.db
      .updateTable('doc_snapshots')
      .set({ snapshot: Buffer.from(Y.encodeStateAsUpdate(outside)) })
      .where('doc_name', '=', board.id)
      .execute()
    const client = await connectSynced(sync, board.id, board.tokens.facilitator)
    await waitFor(() => client.doc.getMap('meta').get('schemaVersion') === 1, 'the migrated meta')
    expect(client.doc.getMap('meta').get('title')).toBe('')
  })
})
