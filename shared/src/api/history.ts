import { z } from 'zod'
import type { ItemSnapshot } from '../schema/types.js'

/**
 * Why a version of a board was kept: `activity` every few minutes while people work,
 * `mass-delete` just before a transaction that deletes many items, `template` just before a
 * template is inserted, `restore` just before a restore (so the restore can be undone), `manual`
 * when a facilitator asks for one.
 */
export const VERSION_REASONS = ['activity', 'mass-delete', 'template', 'restore', 'manual'] as const
export type VersionReason = (typeof VERSION_REASONS)[number]

/** One entry of `GET /api/boards/:boardId/versions`, newest first. */
export interface BoardVersion {
  id: string
  /** ISO 8601. */
  at: string
  reason: VersionReason
  /** How many items the board held in this version. */
  items: number
}

/** `GET /api/boards/:boardId/versions/:versionId/items`: the version's items, to preview it. */
export interface VersionItems {
  version: BoardVersion
  items: ItemSnapshot[]
}

/** `POST /api/boards/:boardId/versions`: a facilitator asks for a version now. */
export const takeVersionRequest = z.strictObject({
  reason: z.enum(['manual', 'template'], { error: 'reason must be "manual" or "template"' }).optional(),
})

/** `200` of `POST /api/boards/:boardId/versions/:versionId/restore`. */
export interface RestoreResponse {
  /** The version whose items the board now holds. */
  restored: string
  /** The version taken just before the restore: restoring it undoes the restore. */
  before: string
  items: number
}
