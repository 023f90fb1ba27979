import { ROLES } from '@atelier/shared'
import type { Transaction } from 'kysely'
import { JOIN_CODE_VALIDITY_MS, newJoinCode } from '../../join/codes.js'
import type { JoinCode, NewBoard } from '../types.js'
import { asBuffer } from './bytes.js'
import type { Tables } from './tables.js'

/**
 * Makes concurrent transactions on one board wait for each other, on every node: PostgreSQL
 * locks the board's row until the transaction ends, SQLite takes its write lock. For the
 * read-check-write transactions that must happen once (vote budgets, join token counts).
 */
export async function lockBoard(trx: Transaction<Tables>, boardId: string): Promise<void> {
  await trx
    .updateTable('boards')
    .set((eb) => ({ title: eb.ref('title') }))
    .where('id', '=', boardId)
    .execute()
}

/**
 * Writes a new board, its token hashes, its join code, its document and the first snapshot of
 * other documents of it (a restored session), inside the caller's transaction.
 */
export async function insertBoard(
  trx: Transaction<Tables>,
  board: NewBoard,
  snapshots: ReadonlyArray<[docName: string, snapshot: Uint8Array]> = [],
): Promise<JoinCode> {
  const { id, title, templateId, createdAt } = board
  await trx
    .insertInto('boards')
    .values({ id, title, template_id: templateId, created_at: createdAt })
    .execute()
  await trx
    .insertInto('tokens')
    .values(ROLES.map((role) => ({ board_id: id, role, token_hash: board.tokenHashes[role] })))
    .execute()
  await trx
    .insertInto('doc_snapshots')
    .values(
      [[id, board.document] as const, ...snapshots].map(([docName, snapshot]) => ({
        doc_name: docName,
        snapshot: asBuffer(snapshot),
        upto_seq: 0,
      })),
    )
    .execute()
  const expiresAt = createdAt + JOIN_CODE_VALIDITY_MS
  // ~887 million codes: a collision is rare, two in a row rarer still. DO NOTHING rather than an
  // error, which would end a PostgreSQL transaction.
  for (;;) {
    const code = newJoinCode()
    const inserted = await trx
      .insertInto('join_codes')
      .values({ board_id: id, code, expires_at: expiresAt })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { code, expiresAt }
  }
}
