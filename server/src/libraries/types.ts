/**
 * Persistence seam of lab libraries, like BoardStore for boards: the HTTP API only talks to
 * this interface, so a networked store (PostgreSQL) can take over from SQLite.
 */
export interface LibraryStore {
  createLibrary(library: NewLibrary): Promise<void>
  /** The library a token hash opens, or null (unknown library and wrong token alike). */
  findLibrary(libraryId: string, tokenHash: string): Promise<LibraryRecord | null>
  renameLibrary(libraryId: string, name: string): Promise<void>

  /** Every template file of a library, oldest first. */
  listTemplates(libraryId: string): Promise<StoredTemplate[]>
  getTemplate(libraryId: string, templateId: string): Promise<StoredTemplate | null>
  /** Adds a template; false when the library already holds one with this id. */
  insertTemplate(libraryId: string, template: StoredTemplate): Promise<boolean>
  /** Replaces a template; false when the library holds none with this id. */
  updateTemplate(libraryId: string, template: StoredTemplate): Promise<boolean>
  /** Removes a template; false when the library holds none with this id. */
  deleteTemplate(libraryId: string, templateId: string): Promise<boolean>
}

export interface LibraryRecord {
  id: string
  name: string
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface NewLibrary extends LibraryRecord {
  /** SHA-256 of the library's token; the token itself is never stored. */
  tokenHash: string
}

/** A template file as stored: its validated JSON, kept as text so it reads back byte for byte. */
export interface StoredTemplate {
  templateId: string
  json: string
  /** Milliseconds since the epoch. */
  updatedAt: number
}
