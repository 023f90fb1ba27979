import * as Y from 'yjs'
import { syncStep2Message, syncStep2MessageOf } from './messages.js'

/** A state vector that names no client: what a client with an empty document asks with. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0
}

/**
 * The sync answers of a room (sync step 2, the part of the document a client lacks). The answer
 * to a client that has nothing, the whole document, is encoded once and kept for the next
 * joiners until the document changes: on a large board it is the costliest thing the relay sends.
 */
export class SyncAnswers {
  private whole: Uint8Array | null = null

  constructor(private readonly doc: () => Y.Doc) {}

  /**
   * `update` holds the whole document as it is now (a snapshot just read or written): the answer
   * to an empty client is framed from it without encoding the document again.
   */
  know(update: Uint8Array): void {
    this.whole = syncStep2MessageOf(update)
  }

  /** The document changed: the kept answer no longer holds all of it. */
  forget(): void {
    this.whole = null
  }

  /** Sync step 2 for a client whose document has `stateVector`. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return syncStep2Message(this.doc(), stateVector)
    this.whole ??= syncStep2MessageOf(Y.encodeStateAsUpdate(this.doc()))
    return this.whole
  }
}
