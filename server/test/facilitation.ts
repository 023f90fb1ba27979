import type { CreateBoardResponse, Role } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import type { SqlStore } from '../src/store/sql/store.js'
import { createBoard, listen, onCleanup, openTestStore, testConfig, waitFor } from './helpers.js'

/** Test harness for the facilitation rules: a listening server, a board, people and their clients. */

export interface Running {
  app: FastifyInstance
  store: SqlStore
  config: Config
  http: string
  sync: string
  board: CreateBoardResponse
}

export async function startServer(overrides: Partial<Config> = {}): Promise<Running> {
  const config = testConfig(overrides)
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  const { http, sync } = await listen(app)
  return { app, store, config, http, sync, board: await createBoard(app) }
}

export interface Person {
  role: Role
  token: string
  personId: string
  credential: string
}

/** Asks the server for a person identity with one of the board's links. */
export async function join(app: FastifyInstance, board: CreateBoardResponse, role: Role): Promise<Person> {
  const token = board.tokens[role]
  const response = await app.inject({
    method: 'POST',
    url: `/api/boards/${board.id}/people`,
    headers: { authorization: `Bearer ${token}` },
    payload: { name: `A ${role}` },
  })
  if (response.statusCode !== 201) throw new Error(`join failed: ${response.body}`)
  const { personId, credential } = response.json<{ personId: string; credential: string }>()
  return { role, token, personId, credential }
}

/** A stock y-websocket client sending a person credential, as the Atelier client does. */
export function connectAs(
  syncUrl: string,
  room: string,
  person: Person,
  doc = new Y.Doc(),
): WebsocketProvider {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    params: { token: person.token, person: person.credential },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  onCleanup(() => provider.destroy())
  return provider
}

export async function connectSyncedAs(
  syncUrl: string,
  room: string,
  person: Person,
  doc?: Y.Doc,
): Promise<WebsocketProvider> {
  const provider = connectAs(syncUrl, room, person, doc)
  await waitFor(() => provider.synced, `${room} to sync`)
  return provider
}

/**
 * Resolves once the relay has handled everything `from` sent before: awareness goes through the
 * same queue as updates, so `to` seeing this marker means the earlier updates were applied or dropped.
 */
export async function relayedUpTo(
  from: WebsocketProvider,
  to: WebsocketProvider,
  marker: string,
): Promise<void> {
  from.awareness.setLocalStateField('marker', marker)
  await waitFor(
    () => to.awareness.getStates().get(from.awareness.clientID)?.marker === marker,
    `marker ${marker}`,
  )
}

/** Resolves once two replicas hold the same document state. */
export async function converged(a: WebsocketProvider, b: WebsocketProvider, what: string): Promise<void> {
  await waitFor(
    () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))),
    what,
  )
}
