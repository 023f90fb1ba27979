import { type BoardAccess, boundsOf, canWrite, centerOn, readMeta } from '@atelier/shared'
import i18next from 'i18next'
import { imageUploader } from '../commands/images.js'
import { type CommandRegistry, createRegistry } from '../commands/registry.js'
import type { Command, CommandContext } from '../commands/types.js'
import { paintLayerOf } from '../items/registry.js'
import { CursorPublisher } from '../presence/cursor.js'
import { BoardStore } from '../store/BoardStore.js'
import { ViewStore } from '../store/ViewStore.js'
import { BoardConnection } from '../sync/BoardConnection.js'
import { PointerController } from '../tools/PointerController.js'
import { takeEarlyConnection } from './earlyStart.js'
import { PersonIdentity, requestIdentity } from './identity.js'
import { firstView } from './openingView.js'

/**
 * Everything one open board needs, created together and destroyed together, and handed to the
 * components through one context (`useSession`). Nothing outside changes its parts: who the
 * person is lives in `identity`, and the parts that depend on it subscribe to it.
 */
export interface BoardSessionModel {
  boardId: string
  /** The link's token: every HTTP call and sync connection of this board carries it. */
  token: string
  access: BoardAccess
  identity: PersonIdentity
  connection: BoardConnection
  board: BoardStore
  view: ViewStore
  registry: CommandRegistry
  ctx: CommandContext
  pointer: PointerController
  cursor: CursorPublisher
  destroy(): void
}

declare global {
  interface Window {
    /**
     * Debug hook for e2e tests, benchmarks and bug reports: `{ doc, awareness, provider, store, view }`
     * of the open board.
     * Set only in dev builds or when `localStorage.atelierDebug === '1'` (the e2e suite sets it).
     */
    __atelierDebug?: unknown
  }
}

/** Resolves once the connection has received the relay's copy of the document. */
function firstSync(connection: BoardConnection): Promise<void> {
  return new Promise((resolve) => {
    if (connection.provider.synced) return resolve()
    const onSync = (synced: boolean) => {
      if (!synced) return
      connection.provider.off('sync', onSync)
      resolve()
    }
    connection.provider.on('sync', onSync)
  })
}

/** `commands`: what the features add to the canvas's own commands. */
export function createSession(
  boardId: string,
  token: string,
  access: BoardAccess,
  commands: readonly Command[],
): BoardSessionModel {
  const identity: PersonIdentity = new PersonIdentity(
    boardId,
    token,
    localStorage,
    requestIdentity,
    // Read once the relay's copy of the board has arrived: a name this device remembers joins
    // at once, before the meta is there.
    async (): Promise<string | undefined> => {
      await firstSync(connection)
      return readMeta(connection.doc).importedFrom
    },
  )
  const connection =
    takeEarlyConnection(boardId, token) ?? new BoardConnection(boardId, token, identity.credential)
  const board = new BoardStore(connection.doc, paintLayerOf)
  const viewport = { width: window.innerWidth, height: window.innerHeight }
  const view = new ViewStore({ viewport, camera: centerOn({ x: 0, y: 0 }, viewport, 1) })
  const registry = createRegistry(commands)
  const images = imageUploader(boardId, token)
  const ctx: CommandContext = {
    board,
    view,
    readOnly: !canWrite(access.role, 'board'),
    get author() {
      return identity.personId
    },
    facilitator: access.role === 'facilitator',
    uploadImage: images.upload,
    imageUrl: images.url,
  }
  const pointer = new PointerController(ctx, registry, (n) => i18next.t('canvas.frameTitle', { n }))
  const cursor = new CursorPublisher(connection.awareness)
  // Items deleted by someone else leave the selection and close the editor.
  const unsubscribe = board.subscribe(() =>
    view.pruneSelection((itemId) => board.getItem(itemId) !== undefined),
  )
  // The socket opened before the relay issued the person's credential: reopen it with it.
  const unsubscribeIdentity = identity.subscribe(() => {
    if (identity.credential) connection.setPerson(identity.credential)
  })
  // A board opens framed on its content (a template is wider than a phone, or a laptop; on a
  // phone at a zoom that still shows text): from the local copy when this device has one, then
  // again when the relay's copy has arrived — each time only if the person has not moved the view.
  let framed = view.getState().camera
  let destroyed = false
  const frame = () => {
    const bounds = boundsOf(board.getItems().values())
    if (view.getState().camera !== framed || !bounds) return
    view.setCamera(firstView(bounds, view.getState().viewport, { panel: access.role === 'facilitator' }))
    framed = view.getState().camera
  }
  void connection.localLoaded.then((held) => {
    if (held && !destroyed) frame()
  })
  const frameOnFirstSync = (synced: boolean) => {
    if (!synced) return
    connection.provider.off('sync', frameOnFirstSync)
    frame()
  }
  // The connection opened before the page (earlyStart.ts) may have its answer already.
  if (connection.provider.synced) frame()
  else connection.provider.on('sync', frameOnFirstSync)
  if (import.meta.env.DEV || localStorage.getItem('atelierDebug') === '1') {
    window.__atelierDebug = {
      doc: connection.doc,
      awareness: connection.awareness,
      provider: connection.provider,
      store: board,
      view,
    }
  }
  return {
    boardId,
    token,
    access,
    identity,
    connection,
    board,
    view,
    registry,
    ctx,
    pointer,
    cursor,
    destroy() {
      destroyed = true
      unsubscribe()
      unsubscribeIdentity()
      connection.provider.off('sync', frameOnFirstSync)
      cursor.dispose()
      board.destroy()
      connection.destroy()
      if (window.__atelierDebug) window.__atelierDebug = undefined
    },
  }
}
