import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, redactedUrl } from '../config.js'
import { DATABASE_FILE, openStore } from '../store/open.js'
import { MOVED_KINDS, moveToPostgres } from '../store/toPostgres.js'

const USAGE = `usage: pnpm --filter @atelier/server migrate:postgres -- --data-dir DIR --database-url postgres://…
  Moves a lab's SQLite data dir (boards, documents, tokens, join codes, votes, polls, history,
  libraries, images, server secrets) into PostgreSQL. Idempotent: run it again, it moves nothing new.`

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

async function main(): Promise<void> {
  let options: { 'data-dir'?: string; 'database-url'?: string; help?: boolean }
  try {
    options = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  }
  if (options.help) {
    console.log(USAGE)
    return
  }
  if (!options['data-dir'] || !options['database-url']) fail(USAGE)
  // pnpm runs scripts in the package's folder; paths are the caller's.
  const dataDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), options['data-dir'])
  let databaseUrl: string
  try {
    databaseUrl = loadConfig({ DATABASE_URL: options['database-url'] }).databaseUrl as string
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message.replace('setting DATABASE_URL', '--database-url'))
    throw error
  }
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE)))
    fail(`No Atelier data in ${dataDir} (no ${DATABASE_FILE})`)

  const log = { warn: (_: unknown, message: string) => console.error(message) }
  const sqlite = openStore({ dataDir, databaseUrl: null }, log)
  const postgres = openStore({ dataDir, databaseUrl }, log)
  try {
    await sqlite.migrate()
    await postgres.migrate()
    const counts = await moveToPostgres(sqlite, postgres)
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
    console.log(`From ${dataDir} to ${redactedUrl(databaseUrl)}:`)
    const width = Math.max(...MOVED_KINDS.map((kind) => kind.length))
    for (const kind of MOVED_KINDS) console.log(`  ${kind.padEnd(width)}  ${counts[kind]}`)
    console.log(
      total === 0
        ? 'Nothing new to move: PostgreSQL already holds everything of this data dir.'
        : `Moved ${total} rows and files.`,
    )
  } finally {
    await sqlite.close()
    await postgres.close()
  }
}

main().catch((error: unknown) =>
  fail(`migrate:postgres failed: ${error instanceof Error ? error.message : String(error)}`),
)
