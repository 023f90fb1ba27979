import { itemsMap } from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import * as Y from 'yjs'
import { SERVER_ORIGIN } from './rooms.js'

type Deletions = Parameters<typeof Y.iterateDeletedStructs>[1]

/**
 * Takes back a refused update: an UndoManager that tracks only the writer's connection and the
 * relay's corrections undoes both, and the texts of the items the update touched are put back as
 * they were. The revert is the relay's own change, stored and forwarded with the update, and every
 * replica converges without it.
 */
export class UpdateRevert {
  private readonly undo: Y.UndoManager
  private readonly texts: Map<string, string> | null

  /** Call before the update is applied; `itemIds` are the board items whose texts to keep (null: not a board). */
  constructor(
    private readonly doc: Y.Doc,
    scope: ConstructorParameters<typeof Y.UndoManager>[0],
    origins: unknown[],
    itemIds: Iterable<string> | null,
  ) {
    this.undo = new Y.UndoManager(scope, { doc, trackedOrigins: new Set(origins), captureTimeout: 0 })
    this.texts = itemIds ? itemTexts(doc, itemIds) : null
  }

  revert(log: Pick<FastifyBaseLogger, 'warn'>): void {
    const restored: Deletions[] = []
    const collect = ({ stackItem }: { stackItem: { deletions: Deletions } }) =>
      restored.push(stackItem.deletions)
    this.undo.on('stack-item-popped', collect)
    while (this.undo.undoStack.length > 0) this.undo.undo()
    this.undo.off('stack-item-popped', collect)
    forgetRedone(this.doc, restored)
    if (this.texts) restoreTexts(this.doc, this.texts, log)
  }

  destroy(): void {
    this.undo.destroy()
  }
}

/**
 * Yjs marks each item it restores with the copy it made (`redone`), and a later undo follows those
 * marks to place what it restores. Each revert has its own UndoManager, so marks left by earlier
 * reverts lead a later one astray: it can place a restored unit between one unit on both sides
 * (a struct whose two neighbours are the same), which replicas then order apart from the relay.
 * Forgotten, every revert places what it restores by the document alone.
 */
function forgetRedone(doc: Y.Doc, restored: Deletions[]): void {
  doc.transact((transaction) => {
    for (const deletions of restored)
      Y.iterateDeletedStructs(transaction, deletions, (struct) => {
        if (struct instanceof Y.Item) struct.redone = null
      })
  }, SERVER_ORIGIN)
}

/** The text of each of these items that has one, as it is now. */
function itemTexts(doc: Y.Doc, ids: Iterable<string>): Map<string, string> {
  const texts = new Map<string, string>()
  const items = itemsMap(doc)
  for (const id of ids) {
    const item = items.get(id)
    const text = item instanceof Y.Map ? item.get('text') : null
    if (text instanceof Y.Text) texts.set(id, text.toString())
  }
  return texts
}

/**
 * Puts back the texts a refused update changed, where the UndoManager's revert did not. When an
 * update deletes a note's text itself (the Y.Text), Yjs redoes the text as a new type and can put
 * back only part of its content ("instructions" → "i"): the revert would then change a locked
 * note. The restoring change is the relay's, stored and forwarded with the update and its revert.
 */
function restoreTexts(doc: Y.Doc, before: Map<string, string>, log: Pick<FastifyBaseLogger, 'warn'>): void {
  const items = itemsMap(doc)
  doc.transact(() => {
    for (const [id, value] of before) {
      const item = items.get(id)
      if (!(item instanceof Y.Map)) continue
      const text = item.get('text')
      if (text instanceof Y.Text && text.toString() === value) continue
      log.warn({ itemId: id }, "the revert of a refused update left an item's text changed; restored it")
      if (text instanceof Y.Text) {
        text.delete(0, text.length)
        text.insert(0, value)
      } else {
        item.set('text', new Y.Text(value))
      }
    }
  }, SERVER_ORIGIN)
}
