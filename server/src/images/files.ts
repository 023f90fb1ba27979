import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { BOARD_ID_PATTERN, type ImageMimeType } from '@atelier/shared'
import { detectImageType } from './detect.js'

/** Image ids are the SHA-256 of the bytes: the same picture pasted twice is stored once. */
const IMAGE_ID_PATTERN = /^[a-f0-9]{64}$/

export function isImageId(id: string): boolean {
  return IMAGE_ID_PATTERN.test(id)
}

function imageIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/**
 * Uploaded images as plain files under `DATA_DIR/images/<boardId>/<sha256>`. Files rather than
 * SQLite rows: images are large, written once and read often; kept out of the database, they do
 * not bloat its WAL or slow its backups and compaction, and the relay streams them from disk.
 * They live in the same DATA_DIR, so one folder still holds all of a lab's data.
 */
export class ImageFiles {
  constructor(private readonly root: string) {}

  private file(boardId: string, id: string): string {
    // Both parts are validated before they reach the file system: no path can escape the root.
    if (!BOARD_ID_PATTERN.test(boardId) || !isImageId(id)) throw new Error('invalid image path')
    return path.join(this.root, boardId, id)
  }

  /** Stores the bytes (already type-checked) and returns the image id. */
  async save(boardId: string, bytes: Uint8Array): Promise<string> {
    const id = imageIdOf(bytes)
    const target = this.file(boardId, id)
    await fs.mkdir(path.dirname(target), { recursive: true })
    // Write then rename: a reader never sees half a file, even if the process dies mid-write.
    const temporary = `${target}.${process.pid}.tmp`
    await fs.writeFile(temporary, bytes)
    await fs.rename(temporary, target)
    return id
  }

  /** Whether the board already holds these bytes (an image pasted again costs nothing). */
  async has(boardId: string, bytes: Uint8Array): Promise<boolean> {
    return exists(this.file(boardId, imageIdOf(bytes)))
  }

  /** Bytes of the images one board holds, for its quota. */
  async usage(boardId: string): Promise<number> {
    if (!BOARD_ID_PATTERN.test(boardId)) throw new Error('invalid board id')
    const folder = path.join(this.root, boardId)
    let names: string[]
    try {
      names = await fs.readdir(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
      throw error
    }
    const sizes = await Promise.all(
      names.filter(isImageId).map(async (name) => (await fs.stat(path.join(folder, name))).size),
    )
    return sizes.reduce((sum, size) => sum + size, 0)
  }

  /** The image's bytes and type, or null when this board has no such image. */
  async read(boardId: string, id: string): Promise<{ bytes: Buffer; type: ImageMimeType } | null> {
    if (!BOARD_ID_PATTERN.test(boardId) || !isImageId(id)) return null
    let bytes: Buffer
    try {
      bytes = await fs.readFile(this.file(boardId, id))
    } catch (error) {
      // Only a missing file means "no such image"; a disk or permission error must surface.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    const type = detectImageType(bytes)
    return type ? { bytes, type } : null
  }
}
