import type { Generated } from 'kysely'

/**
 * Every table of the store, as Kysely sees it: the queries of every module are typed against
 * this one description, on SQLite and PostgreSQL alike. Times are milliseconds since the epoch,
 * bytes are BLOB (SQLite) or BYTEA (PostgreSQL).
 */
export interface Tables {
  schema_versions: { module: string; version: number }

  boards: { id: string; title: string; template_id: string | null; created_at: number }
  tokens: { board_id: string; role: string; token_hash: string }
  join_codes: { board_id: string; code: string; expires_at: number }
  join_tokens: { token_hash: string; board_id: string }

  doc_snapshots: { doc_name: string; snapshot: Uint8Array; upto_seq: number }
  /** One document's log: `seq` counts per document, in commit order (see `appendUpdate`). */
  doc_updates: { doc_name: string; seq: number; update_data: Uint8Array }

  ballots: { board_id: string; round_id: string; person_id: string; item_id: string; count: number }
  polls: {
    board_id: string
    poll_id: string
    kind: string
    question: string
    options: string
    correct_option_ids: string
    time_limit_ms: number
    points: number
    status: string
    opened_at: number
    closed_at: number | null
  }
  poll_answers: { board_id: string; poll_id: string; person_id: string; answer: string; answered_at: number }

  board_versions: {
    seq: Generated<number>
    id: string
    board_id: string
    taken_at: number
    reason: string
    item_count: number
    state: Uint8Array
  }

  libraries: { id: string; name: string; token_hash: string; created_at: number }
  library_templates: {
    library_id: string
    template_id: string
    json: string
    created_at: number
    updated_at: number
  }

  server_secrets: { name: string; secret: Uint8Array }

  /** Images of the PostgreSQL store (the SQLite one keeps them as files, see images/files.ts). */
  images: { board_id: string; image_id: string; bytes: Uint8Array; size: number }
}
