import 'fake-indexeddb/auto'
import { CloseCode, createItem, itemsMap, readItems, roomName } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type * as Y from 'yjs'
import { checkLink } from '../../client/src/sync/api.js'
import {
  BoardConnection,
  type ConnectionEnvironment,
  indexedDbCopy,
} from '../../client/src/sync/BoardConnection.js'
import { buildApp } from '../src/app.js'
import { connectSynced, createBoard, listen, onCleanup, testConfig, waitFor } from './helpers.js'

/**
 * The browser's connection to a board (client/src/sync/BoardConnection.ts) against the real
 * relay, through its public seam: `ws` for the browser's WebSocket, the production IndexedDB copy
 * over fake-indexeddb, and a network the test switches off and on.
 */

/** The device's network, as the browser's online/offline events tell it. */
function testNetwork() {
  let online = true
  const listeners = new Set<() => void>()
  return {
    online: () => online,
    watch(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    set(value: boolean) {
      online = value
      for (const listener of [...listeners]) listener()
    },
    watchers: () => listeners.size,
  }
}

async function startRelay() {
  const app = buildApp(testConfig())
  onCleanup(() => app.close())
  const board = await createBoard(app)
  const { http, sync } = await listen(app)
  return { app, board, http, sync }
}

function open(
  syncUrl: string,
  boardId: string,
  token: string,
  openLocalCopy: ConnectionEnvironment['openLocalCopy'] = indexedDbCopy,
  /** Where the HTTP API is: the relay's own server unless the test says otherwise. */
  apiOrigin = syncUrl.replace(/^ws/, 'http').replace(/\/sync$/, ''),
) {
  const network = testNetwork()
  /** Each link check's verdict ('error' when it could not tell), in order. */
  const linkChecks: string[] = []
  const connection = new BoardConnection(boardId, token, null, {
    syncUrl,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    openLocalCopy,
    copyFoundEmpty: async () => false,
    network,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    checkLink: (id, linkToken) =>
      checkLink(id, linkToken, apiOrigin).then(
        (verdict) => {
          linkChecks.push(verdict)
          return verdict
        },
        (error: unknown) => {
          linkChecks.push('error')
          throw error
        },
      ),
  })
  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    connection.destroy()
  }
  onCleanup(destroy)
  /** Every status the connection announced, in order. */
  const statuses: string[] = []
  connection.subscribe(() => statuses.push(connection.getSnapshot().status))
  const status = () => connection.getSnapshot().status
  return { connection, network, statuses, status, destroy, linkChecks }
}

const notes = (doc: Y.Doc) => readItems(doc).map((item) => item.text)

describe('BoardConnection against the relay', () => {
  it('says connecting, then connected, and syncs both ways', async () => {
    const { board, sync } = await startRelay()
    const { connection, statuses, status } = open(sync, board.id, board.tokens.participant)
    expect(status()).toBe('connecting')
    await waitFor(() => status() === 'connected', 'the connection to open')
    expect(statuses).toEqual(['connected'])
    const peer = await connectSynced(sync, roomName(board.id, 'board'), board.tokens.participant)
    createItem(peer.doc, { type: 'note', x: 0, y: 0, text: 'from a peer' })
    await waitFor(() => notes(connection.doc).includes('from a peer'), 'the peer’s note')
    createItem(connection.doc, { type: 'note', x: 300, y: 0, text: 'from this tab' })
    await waitFor(() => notes(peer.doc).includes('from this tab'), 'this tab’s note at the peer')
  })

  it('after the relay closes the socket, says reconnecting, comes back and sends what was written meanwhile', async () => {
    const { app, board, sync } = await startRelay()
    const { connection, statuses, status } = open(sync, board.id, board.tokens.participant)
    await waitFor(() => status() === 'connected', 'the connection to open')
    const peer = await connectSynced(sync, roomName(board.id, 'board'), board.tokens.facilitator)
    app.relay.closeConnections(board.id, 'participant', CloseCode.serviceRestart, 'server restarting')
    await waitFor(() => status() === 'reconnecting', 'the close to be noticed')
    createItem(connection.doc, { type: 'note', x: 0, y: 0, text: 'written while away' })
    await waitFor(() => status() === 'connected', 'the connection to come back')
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected'])
    await waitFor(() => notes(peer.doc).includes('written while away'), 'the note written while away')
  })

  it('a replaced link: the relay closes with 4403, the connection says denied and stays away', async () => {
    const { app, board, sync } = await startRelay()
    const { connection, status } = open(sync, board.id, board.tokens.participant)
    await waitFor(() => status() === 'connected', 'the connection to open')
    expect(connection.getSnapshot().denied).toBe(false)
    const rotated = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/tokens/participant/rotate`,
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(rotated.statusCode).toBe(200)
    await waitFor(() => connection.getSnapshot().denied, 'the link to be refused')
    expect(status()).toBe('reconnecting')
    // y-websocket gives up on a 44xx close: no new socket is opened with the dead link.
    expect(connection.provider.shouldConnect).toBe(false)
    expect(connection.provider.ws).toBeNull()
  })

  it('a link replaced while the tab was away: the upgrade is refused, the API confirms it, the connection says denied and stays away', async () => {
    const { app, board, sync } = await startRelay()
    const rotated = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/tokens/participant/rotate`,
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(rotated.statusCode).toBe(200)
    // The tab comes back with the old link: its sockets are refused with HTTP 401 before opening.
    const { connection, status, linkChecks } = open(sync, board.id, board.tokens.participant)
    await waitFor(() => connection.getSnapshot().denied, 'the link to be found refused')
    expect(linkChecks).toEqual(['refused'])
    expect(status()).toBe('connecting')
    expect(connection.provider.shouldConnect).toBe(false)
    expect(connection.provider.ws).toBeNull()
  })

  it('a valid link whose socket cannot open is not taken for a refused one', async () => {
    const { board, http } = await startRelay()
    // Nothing listens for sockets there, but the API answers: the link is valid, keep trying.
    const { connection, linkChecks } = open(
      'ws://127.0.0.1:9/sync',
      board.id,
      board.tokens.participant,
      indexedDbCopy,
      http,
    )
    await waitFor(() => linkChecks.length > 0, 'the link to be checked')
    expect(linkChecks).toEqual(['valid'])
    expect(connection.getSnapshot().denied).toBe(false)
    expect(connection.provider.shouldConnect).toBe(true)
  })

  it('says offline as soon as the device loses its network, and connected when it is back', async () => {
    const { board, sync } = await startRelay()
    const { network, status } = open(sync, board.id, board.tokens.participant)
    await waitFor(() => status() === 'connected', 'the connection to open')
    network.set(false)
    expect(status()).toBe('offline')
    network.set(true)
    expect(status()).toBe('connected')
  })

  it('opens from the copy on this device before the relay answers', async () => {
    const { board, sync } = await startRelay()
    // y-indexeddb keeps a change only once the connection has taken what the copy held and
    // listens to the document: that normally comes before the socket connects (localLoaded), but
    // after the connection's 500 ms wait when opening the copy is slow (a loaded machine).
    let copyInUse = () => {}
    const copyTaken = new Promise<void>((resolve) => {
      copyInUse = resolve
    })
    const first = open(sync, board.id, board.tokens.participant, async (name, doc, onError) => {
      const copy = await indexedDbCopy(name, doc, onError)
      const takeStored = copy.takeStored.bind(copy)
      copy.takeStored = () => {
        copyInUse()
        return takeStored()
      }
      return copy
    })
    await waitFor(() => first.status() === 'connected', 'the first visit to connect')
    expect(await first.connection.localLoaded).toBe(false)
    await copyTaken
    createItem(first.connection.doc, { type: 'note', x: 0, y: 0, text: 'kept on this device' })
    first.destroy()

    // The relay is unreachable (nothing listens on port 9): only the device's copy can fill the board.
    const again = open('ws://127.0.0.1:9/sync', board.id, board.tokens.participant)
    await waitFor(() => notes(again.connection.doc).includes('kept on this device'), 'the device’s copy')
    expect(again.status()).toBe('connecting')
    expect(again.connection.getSnapshot().storageError).toBe(false)
    // A relay, a browser copy and a second visit: past 5 s when the whole suite loads the machine.
  }, 20_000)

  it('works online without a copy on the device, and says so', async () => {
    const { board, sync } = await startRelay()
    const { connection, status } = open(sync, board.id, board.tokens.participant, () => {
      throw new Error('IndexedDB is not available in this private window')
    })
    expect(connection.getSnapshot().storageError).toBe(true)
    await waitFor(() => status() === 'connected', 'the connection to open')
  })

  it('destroy leaves the relay and stops listening to the network and the document', async () => {
    const { board, sync } = await startRelay()
    let copyClosed = false
    const { connection, network, statuses, status, destroy } = open(
      sync,
      board.id,
      board.tokens.participant,
      async (name, doc, onError) => {
        const copy = await indexedDbCopy(name, doc, onError)
        const close = copy.close.bind(copy)
        copy.close = () => {
          copyClosed = true
          return close()
        }
        return copy
      },
    )
    await waitFor(() => status() === 'connected', 'the connection to open')
    const peer = await connectSynced(sync, roomName(board.id, 'board'), board.tokens.participant)
    const clientId = connection.doc.clientID
    connection.awareness.setLocalStateField('user', { name: 'Ana' })
    await waitFor(() => peer.awareness.getStates().has(clientId), 'the peer to see this tab')
    const seen = statuses.length
    destroy()
    await waitFor(() => !peer.awareness.getStates().has(clientId), 'the peer to see this tab leave')
    expect(network.watchers()).toBe(0)
    expect(copyClosed).toBe(true)
    network.set(false)
    createItem(peer.doc, { type: 'note', x: 0, y: 0, text: 'after the tab closed' })
    await waitFor(() => itemsMap(peer.doc).size === 1, 'the peer’s own note')
    expect(statuses).toHaveLength(seen)
    expect(notes(connection.doc)).toEqual([])
  })
})
