import type * as Y from 'yjs'
import { metaMap } from '../board.js'
import { SCHEMA_VERSION } from '../types.js'
import { v1 } from './v1.js'

/** One migration: `up` takes a board at `version - 1` to `version`, inside one transaction. */
export interface Migration {
  version: number
  description: string
  up(doc: Y.Doc): void
}

/** Ordered, gap-free list; the last entry's version is SCHEMA_VERSION (checked by tests). */
export const migrations: readonly Migration[] = [v1]

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`board schema version ${found} is newer than this server understands (${SCHEMA_VERSION})`)
    this.name = 'SchemaTooNewError'
  }
}

function schemaVersionOf(doc: Y.Doc): number {
  const version = metaMap(doc).get('schemaVersion')
  return typeof version === 'number' ? version : 0
}

/**
 * Brings a board up to SCHEMA_VERSION. Returns the versions applied. Migrations are written to
 * be idempotent: two replicas migrating concurrently converge on the same document.
 */
export function migrateBoard(doc: Y.Doc, origin: unknown = 'migration'): number[] {
  const from = schemaVersionOf(doc)
  if (from > SCHEMA_VERSION) throw new SchemaTooNewError(from)
  const applied: number[] = []
  doc.transact(() => {
    for (const migration of migrations) {
      if (migration.version <= from) continue
      migration.up(doc)
      metaMap(doc).set('schemaVersion', migration.version)
      applied.push(migration.version)
    }
  }, origin)
  return applied
}
