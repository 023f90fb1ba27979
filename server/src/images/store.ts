import { createHash } from 'node:crypto'
import type { ImageMimeType } from '@atelier/shared'

/** Image ids are the SHA-256 of the bytes: the same picture pasted twice is stored once. */
const IMAGE_ID_PATTERN = /^[a-f0-9]{64}$/

export function isImageId(id: string): boolean {
  return IMAGE_ID_PATTERN.test(id)
}

export function imageIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Where uploaded images live: files in DATA_DIR next to the SQLite database, or rows of the
 * PostgreSQL database that every node reads (nodes share no disk). Bytes come in type-checked.
 */
export interface ImageStore {
  /** Stores the bytes and returns the image id. */
  save(boardId: string, bytes: Uint8Array): Promise<string>
  /** Whether the board already holds these bytes (an image pasted again costs nothing). */
  has(boardId: string, bytes: Uint8Array): Promise<boolean>
  /** Bytes of the images one board holds, for its quota. */
  usage(boardId: string): Promise<number>
  /** The image's bytes and type, or null when this board has no such image. */
  read(boardId: string, id: string): Promise<{ bytes: Buffer; type: ImageMimeType } | null>
  /** Every image of a board, as the migration command copies them. */
  list(boardId: string): Promise<string[]>
  /** Removes every image of a board (an import that failed after saving them). */
  removeBoard(boardId: string): Promise<void>
}
