import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.js'
import { ImageFiles } from '../images/files.js'
import { SqlImages } from '../images/sql.js'
import type { ImageStore } from '../images/store.js'
import { openPostgres, openSqlite, type StoreDatabase, type StoreLog } from './sql/database.js'
import { SqlStore } from './sql/store.js'

export const DATABASE_FILE = 'atelier.sqlite'

/**
 * The store a configuration asks for, not migrated yet (`store.migrate()`): PostgreSQL when
 * DATABASE_URL is set, else the SQLite file and image folder of DATA_DIR, exactly as before.
 */
export function openStore(config: StoreSettings, log: StoreLog): SqlStore {
  const { database, images } = storeParts(config, log)
  return new SqlStore(database, images)
}

type StoreSettings = Pick<Config, 'dataDir' | 'databaseUrl'>

/** The database and the image store of a configuration, for `openStore` (and stores built on SqlStore). */
export function storeParts(
  config: StoreSettings,
  log: StoreLog,
): { database: StoreDatabase; images: ImageStore } {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl, log)
    return { database, images: new SqlImages(database.db) }
  }
  fs.mkdirSync(config.dataDir, { recursive: true })
  return {
    database: openSqlite(path.join(config.dataDir, DATABASE_FILE)),
    images: new ImageFiles(path.join(config.dataDir, 'images')),
  }
}
