import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, readMeta } from '../board.js'
import { SCHEMA_VERSION } from '../types.js'
import { migrateBoard, migrations, SchemaTooNewError } from './index.js'

describe('board migrations', () => {
  it('are gap-free and end at SCHEMA_VERSION', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(migrations.at(-1)?.version).toBe(SCHEMA_VERSION)
  })

  it('bring a document written by an outside client (version 0) to version 1', () => {
    const doc = new Y.Doc()
    expect(migrateBoard(doc)).toEqual([1])
    expect(readMeta(doc)).toEqual({ schemaVersion: 1, title: '' })
  })

  it('keep an existing title and do nothing on a current board', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('title', 'FFOM')
    migrateBoard(doc)
    expect(readMeta(doc).title).toBe('FFOM')
    expect(migrateBoard(doc)).toEqual([])
  })

  it('converge when two replicas migrate concurrently', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    migrateBoard(a)
    migrateBoard(b)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readMeta(a)).toEqual(readMeta(b))
    expect(readMeta(a).schemaVersion).toBe(1)
  })

  it('refuse a board from a newer version instead of corrupting it', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(() => migrateBoard(doc)).toThrow(SchemaTooNewError)
  })

  it.each(migrations)('migration $version ($description) runs from the version before it', (migration) => {
    const doc = new Y.Doc()
    metaMap(doc).set('schemaVersion', migration.version - 1)
    expect(migrateBoard(doc)).toContain(migration.version)
  })
})
