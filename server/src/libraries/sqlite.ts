import type Database from 'better-sqlite3'
import { migrate, type SqlMigrations } from '../store/sqlite/migrations.js'
import type { LibraryRecord, LibraryStore, NewLibrary, StoredTemplate } from './types.js'

/** The libraries module's tables, in the shared SQLite file. Append only. */
export const LIBRARY_MIGRATIONS: SqlMigrations = {
  module: 'libraries',
  steps: [
    `
  CREATE TABLE libraries (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE library_templates (
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    template_id TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (library_id, template_id)
  ) STRICT;
  `,
  ],
}

interface TemplateRow {
  template_id: string
  json: string
  updated_at: number
}

const stored = (row: TemplateRow): StoredTemplate => ({
  templateId: row.template_id,
  json: row.json,
  updatedAt: row.updated_at,
})

/** Lab libraries in the board store's SQLite database (`SqliteBoardStore.db`), which closes it. */
export class SqliteLibraryStore implements LibraryStore {
  private readonly statements

  constructor(db: Database.Database) {
    migrate(db, LIBRARY_MIGRATIONS)
    this.statements = {
      insertLibrary: db.prepare(
        'INSERT INTO libraries (id, name, token_hash, created_at) VALUES (@id, @name, @tokenHash, @createdAt)',
      ),
      selectLibrary: db.prepare<[string, string], { id: string; name: string; created_at: number }>(
        'SELECT id, name, created_at FROM libraries WHERE id = ? AND token_hash = ?',
      ),
      renameLibrary: db.prepare('UPDATE libraries SET name = ? WHERE id = ?'),
      selectTemplates: db.prepare<[string], TemplateRow>(
        'SELECT template_id, json, updated_at FROM library_templates WHERE library_id = ? ORDER BY created_at, template_id',
      ),
      selectTemplate: db.prepare<[string, string], TemplateRow>(
        'SELECT template_id, json, updated_at FROM library_templates WHERE library_id = ? AND template_id = ?',
      ),
      insertTemplate: db.prepare(
        `INSERT INTO library_templates (library_id, template_id, json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      updateTemplate: db.prepare(
        'UPDATE library_templates SET json = ?, updated_at = ? WHERE library_id = ? AND template_id = ?',
      ),
      deleteTemplate: db.prepare('DELETE FROM library_templates WHERE library_id = ? AND template_id = ?'),
    }
  }

  async createLibrary(library: NewLibrary): Promise<void> {
    this.statements.insertLibrary.run(library)
  }

  async findLibrary(libraryId: string, tokenHash: string): Promise<LibraryRecord | null> {
    const row = this.statements.selectLibrary.get(libraryId, tokenHash)
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null
  }

  async renameLibrary(libraryId: string, name: string): Promise<void> {
    this.statements.renameLibrary.run(name, libraryId)
  }

  async listTemplates(libraryId: string): Promise<StoredTemplate[]> {
    return this.statements.selectTemplates.all(libraryId).map(stored)
  }

  async getTemplate(libraryId: string, templateId: string): Promise<StoredTemplate | null> {
    const row = this.statements.selectTemplate.get(libraryId, templateId)
    return row ? stored(row) : null
  }

  async insertTemplate(libraryId: string, t: StoredTemplate): Promise<boolean> {
    return (
      this.statements.insertTemplate.run(libraryId, t.templateId, t.json, t.updatedAt, t.updatedAt).changes >
      0
    )
  }

  async updateTemplate(libraryId: string, t: StoredTemplate): Promise<boolean> {
    return this.statements.updateTemplate.run(t.json, t.updatedAt, libraryId, t.templateId).changes > 0
  }

  async deleteTemplate(libraryId: string, templateId: string): Promise<boolean> {
    return this.statements.deleteTemplate.run(libraryId, templateId).changes > 0
  }
}
