import fs from 'node:fs/promises'
import path from 'node:path'
import { BOARD_ID_PATTERN, type ImageMimeType } from '@atelier/shared'
import { detectImageType } from './detect.js'
import { type ImageStore, imageIdOf, isImageId } from './store.js'

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
 * The SQLite store's images, as plain files under `DATA_DIR/images/<boardId>/<sha256>`. Files
 * rather than SQLite rows: images are large, written once and read often; kept out of the
 * database, they do not bloat its WAL or slow its backups and compaction. They live in the same
 * DATA_DIR, so one folder still holds all of a lab's data (and data dirs of earlier releases
 * keep their images where they are).
 */
export class ImageFiles implements ImageStore {
  constructor(private readonly root: string) {}

  private file(boardId: string, id: string): string {
    // Both parts are validated before they reach the file system: no path can escape the root.
    if (!BOARD_ID_PATTERN.test(boardId) || !isImageId(id)) throw new Error('invalid image path')
    return path.join(this.root, boardId, id)
  }

  private folder(boardId: string): string {
    if (!BOARD_ID_PATTERN.test(boardId)) throw new Error('invalid board id')
    return path.join(this.root, boardId)
  }

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

  async has(boardId: string, bytes: Uint8Array): Promise<boolean> {
    return exists(this.file(boardId, imageIdOf(bytes)))
  }

  async list(boardId: string): Promise<string[]> {
    try {
      return (await fs.readdir(this.folder(boardId))).filter(isImageId).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }

  async usage(boardId: string): Promise<number> {
    const folder = this.folder(boardId)
    const sizes = await Promise.all(
      (await this.list(boardId)).map(async (name) => (await fs.stat(path.join(folder, name))).size),
    )
    return sizes.reduce((sum, size) => sum + size, 0)
  }

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

  async removeBoard(boardId: string): Promise<void> {
    await fs.rm(this.folder(boardId), { recursive: true, force: true })
  }
}
