import {
  applyExpansion,
  centerOf,
  expandTemplate,
  fitCamera,
  type Lang,
  originCentredOn,
  roomName,
  SYNC_PREFIX,
  seedSession,
  type Template,
  type TemplateExpansion,
  visibleRect,
} from '@atelier/shared'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { BoardStore } from '../store/BoardStore.js'
import { LOCAL_ORIGIN } from '../store/origin.js'
import type { ViewStore } from '../store/ViewStore.js'

/**
 * Places a template in the middle of what the person sees, in one undoable transaction, then
 * frames it on screen. Throws (writing nothing) when the expansion cannot be applied.
 */
export function insertTemplate(
  board: BoardStore,
  view: ViewStore,
  template: Template,
  lang: Lang,
): TemplateExpansion {
  const { camera, viewport } = view.getState()
  const center = centerOf(visibleRect(camera, viewport))
  const placed = expandTemplate(template, { origin: originCentredOn(template, center), lang })
  applyExpansion(board.doc, placed, LOCAL_ORIGIN)
  board.undoManager.stopCapturing()
  view.set({ camera: fitCamera(placed.bounds, viewport), selection: [] })
  return placed
}

function wsOrigin(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`
}

const SESSION_TIMEOUT_MS = 10_000

/**
 * Appends an inserted template's agenda and decks to the board's session document. The board
 * screen does not hold the session document, so this opens it for the one write (the relay
 * accepts it from facilitator links only) and closes it once the update has left.
 */
export function appendToSession(boardId: string, token: string, expansion: TemplateExpansion): Promise<void> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsOrigin()}${SYNC_PREFIX}`, roomName(boardId, 'session'), doc, {
    params: { token },
    disableBc: true,
  })
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('session document unreachable')), SESSION_TIMEOUT_MS)
    const finish = (error?: Error) => {
      clearTimeout(timer)
      provider.destroy()
      doc.destroy()
      if (error) reject(error)
      else resolve()
    }
    const flushed = () => {
      if ((provider.ws?.bufferedAmount ?? 0) === 0) finish()
      else setTimeout(flushed, 20)
    }
    provider.once('sync', () => {
      seedSession(doc, expansion, { append: true })
      flushed()
    })
  })
}
