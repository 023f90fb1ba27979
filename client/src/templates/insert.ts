import {
  type AgendaStep,
  applyExpansion,
  centerOf,
  expandTemplate,
  fitCamera,
  type Lang,
  originCentredOn,
  readAgenda,
  roomName,
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
import { relaySyncUrl } from '../sync/relay.js'

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

const SESSION_TIMEOUT_MS = 10_000

/**
 * Runs `task` on the board's session document once it has synced, then closes it once what the
 * task wrote has left. The board screen does not hold the session document, so the templates
 * feature opens it for one read or one write (the relay accepts writes from facilitator links only).
 */
function withSessionDoc<T>(boardId: string, token: string, task: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(relaySyncUrl(), roomName(boardId, 'session'), doc, {
    params: { token },
    disableBc: true,
  })
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('session document unreachable')), SESSION_TIMEOUT_MS)
    const finish = (outcome: { value: T } | Error) => {
      clearTimeout(timer)
      provider.destroy()
      doc.destroy()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome.value)
    }
    const flushed = (value: T) => {
      if ((provider.ws?.bufferedAmount ?? 0) === 0) finish({ value })
      else setTimeout(() => flushed(value), 20)
    }
    provider.once('sync', () => {
      try {
        flushed(task(doc))
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}

/** Appends an inserted template's agenda and decks to the board's session document. */
export function appendToSession(boardId: string, token: string, expansion: TemplateExpansion): Promise<void> {
  return withSessionDoc(boardId, token, (doc) => {
    seedSession(doc, expansion, { append: true })
  })
}

/** The board's agenda, so that saving the board as a template keeps its run-sheet. */
export function readSessionAgenda(boardId: string, token: string): Promise<AgendaStep[]> {
  return withSessionDoc(boardId, token, readAgenda)
}
