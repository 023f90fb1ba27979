import { type CreateBoardResponse, initBoard, type Lang, roomName, type Template } from '@atelier/shared'
import * as Y from 'yjs'
import { newBoardId, newTokens } from '../access.js'
import type { BoardStore } from '../store/types.js'
import { layOut } from './catalogue.js'

/**
 * Creates a board laid out from a template file (a lab library's): the board document with
 * its frames and notes, then its session document with the agenda, both stored before the
 * caller answers. The same steps as POST /api/boards with a built-in `templateId`.
 */
export async function createBoardFromTemplate(
  store: BoardStore,
  { title, template, lang, now }: { title: string; template: Template; lang: Lang; now: Date },
): Promise<CreateBoardResponse> {
  const doc = new Y.Doc()
  try {
    initBoard(doc, { title, templateId: template.id })
    const seed = layOut(template, doc, lang)
    const id = newBoardId()
    const { tokens, hashes } = newTokens()
    const joinCode = await store.createBoard({
      id,
      title,
      templateId: template.id,
      createdAt: now.getTime(),
      tokenHashes: hashes,
      document: Y.encodeStateAsUpdate(doc),
    })
    if (seed.session) await store.appendUpdate(roomName(id, 'session'), seed.session)
    return { id, tokens, joinCode: joinCode.code }
  } finally {
    doc.destroy()
  }
}
