import { type BoardAccess, canWrite, centerOn } from '@atelier/shared'
import i18next from 'i18next'
import { imageUploader } from '../commands/images.js'
import { type CommandRegistry, createRegistry } from '../commands/registry.js'
import type { CommandContext } from '../commands/types.js'
import { storedIdentity } from '../facilitation/identity.js'
import { openHistory } from '../history/commands.js'
import { personId } from '../lib/storage.js'
import { CursorPublisher } from '../presence/cursor.js'
import { BoardStore } from '../store/BoardStore.js'
import { ViewStore } from '../store/ViewStore.js'
import { BoardConnection } from '../sync/BoardConnection.js'
import { PointerController } from '../tools/PointerController.js'

/** Everything one open board needs, created together and destroyed together. */
export interface BoardSessionModel {
  connection: BoardConnection
  board: BoardStore
  view: ViewStore
  registry: CommandRegistry
  ctx: CommandContext
  pointer: PointerController
  cursor: CursorPublisher
  personId: string
  destroy(): void
}

declare global {
  interface Window {
    /**
     * Debug hook for e2e tests and bug reports: `{ doc, awareness, store, view }` of the open board.
     * Set only in dev builds or when `localStorage.atelierDebug === '1'` (the e2e suite sets it).
     */
    __atelierDebug?: unknown
  }
}

export function createSession(boardId: string, token: string, access: BoardAccess): BoardSessionModel {
  const connection = new BoardConnection(boardId, token)
  const board = new BoardStore(connection.doc)
  const viewport = { width: window.innerWidth, height: window.innerHeight }
  const view = new ViewStore({ viewport, camera: centerOn({ x: 0, y: 0 }, viewport, 1) })
  const registry = createRegistry([openHistory])
  const id = storedIdentity(localStorage, boardId)?.personId ?? personId(localStorage)
  const images = imageUploader(boardId, token)
  const ctx: CommandContext = {
    board,
    view,
    readOnly: !canWrite(access.role, 'board'),
    author: id,
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
  // A board opens framed on its content (a template is wider than a phone, or a laptop), once,
  // when the relay's copy has arrived, and only if the person has not moved the view meanwhile.
  const openingCamera = view.getState().camera
  const frameOnFirstSync = (synced: boolean) => {
    if (!synced) return
    connection.provider.off('sync', frameOnFirstSync)
    if (view.getState().camera === openingCamera && board.getItems().size > 0) registry.run('zoomToFit', ctx)
  }
  connection.provider.on('sync', frameOnFirstSync)
  if (import.meta.env.DEV || localStorage.getItem('atelierDebug') === '1') {
    window.__atelierDebug = { doc: connection.doc, awareness: connection.awareness, store: board, view }
  }
  return {
    connection,
    board,
    view,
    registry,
    ctx,
    pointer,
    cursor,
    personId: id,
    destroy() {
      unsubscribe()
      connection.provider.off('sync', frameOnFirstSync)
      cursor.dispose()
      board.destroy()
      connection.destroy()
      if (window.__atelierDebug) window.__atelierDebug = undefined
    },
  }
}

/** Keys typed into a field or a dialog belong to it, not to the board. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  return target.closest('dialog, [role="dialog"]') !== null
}
