import * as Y from 'yjs'
import type { BoardStore, StoredDocument } from './types.js'

/** Applies a stored snapshot and log to a doc in one transaction, so observers see one change. */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, origin: unknown): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  }, origin)
}

/** A fresh Y.Doc holding the stored state of a document (for reads outside the relay). */
export async function readDocument(store: BoardStore, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  applyStoredDocument(doc, await store.loadDocument(docName), 'store')
  return doc
}
