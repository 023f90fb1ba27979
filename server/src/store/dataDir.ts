import fs from 'node:fs'

/** DATA_DIR cannot hold the store: the message is the one line the server stops with. */
export class DataDirError extends Error {
  override name = 'DataDirError'
}

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS':
      return 'it is read-only'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOSPC':
      return 'the disk is full'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'it is not a directory'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

/**
 * Creates DATA_DIR if needed and checks the server may write there, before anything opens it:
 * SQLite's own message for a read-only folder ("unable to open database file") names neither.
 */
export function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.accessSync(dataDir, fs.constants.W_OK)
  } catch (error) {
    throw new DataDirError(`Cannot use DATA_DIR ${dataDir}: ${reason(error)}`)
  }
}
