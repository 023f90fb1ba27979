import { metaMap } from '../board.js'
import type { Migration } from './index.js'

/**
 * Version 0 is a document written by an outside client that never set meta: give it a title
 * key so readers have one. Items need no change: version 1 only names the keys they already use.
 */
export const v1: Migration = {
  version: 1,
  description: 'board meta: schemaVersion and title',
  up(doc) {
    const meta = metaMap(doc)
    if (typeof meta.get('title') !== 'string') meta.set('title', '')
  },
}
