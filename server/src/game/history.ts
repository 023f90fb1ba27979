import { readGameHistory, roomName, type ScoreSnapshot } from '@atelier/shared'
import { readDocument } from '../store/documents.js'
import type { BoardStore } from '../store/types.js'

/** The score snapshots kept in a board's session document (for the report), read from the store. */
export async function readScoreHistory(store: BoardStore, boardId: string): Promise<ScoreSnapshot[]> {
  const doc = await readDocument(store, roomName(boardId, 'session'))
  try {
    return readGameHistory(doc)
  } finally {
    doc.destroy()
  }
}
