#!/usr/bin/env node
/**
 * The relay's hot path alone: `appendUpdate` through the store seam (Kysely) against the bare
 * better-sqlite3 insert it replaces, on the same SQLite settings, in one run (ABAB…). With
 * --database-url, the PostgreSQL store too (one connection's round trips, not a throughput).
 *
 *   pnpm bench:store                                      # builds the server, then runs
 *   node bench/store-append/run.mjs --appends 5000 --rounds 4 [--database-url postgres://…]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../../server/dist/store/open.js'

// The server's own better-sqlite3 (the bench package does not depend on it).
const Database = createRequire(new URL('../../server/package.json', import.meta.url))('better-sqlite3')

const { values } = parseArgs({
  options: {
    appends: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '4' },
    'database-url': { type: 'string' },
  },
})
const appends = Number(values.appends)
const rounds = Number(values.rounds)
/** A note's typical update: about 120 bytes. */
const update = new Uint8Array(120).map((_, i) => i)
const silent = { warn() {} }

/** The insert of the releases before the seam: one prepared statement, global AUTOINCREMENT. */
function bare(dir) {
  const db = new Database(join(dir, 'bare.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(
    'CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_name TEXT NOT NULL, update_data BLOB NOT NULL) STRICT; CREATE INDEX doc_updates_by_doc ON doc_updates(doc_name, seq);',
  )
  const insert = db.prepare('INSERT INTO doc_updates (doc_name, update_data) VALUES (?, ?)')
  const bytes = Buffer.from(update)
  return {
    append: async (doc) => Number(insert.run(doc, bytes).lastInsertRowid),
    close: async () => db.close(),
  }
}

async function seam(dir, databaseUrl = null) {
  const store = openStore({ dataDir: dir, databaseUrl }, silent)
  await store.migrate()
  return { append: (doc) => store.appendUpdate(doc, update), close: () => store.close() }
}

async function measure(open) {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-append-'))
  const target = await open(dir)
  try {
    // Appends to 10 documents in turn, awaited one by one as a room's queue does.
    const start = process.hrtime.bigint()
    for (let i = 0; i < appends; i++) await target.append(`doc-${i % 10}`)
    return Number(process.hrtime.bigint() - start) / 1000 / appends
  } finally {
    await target.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const kinds = { bare, seam: (dir) => seam(dir) }
if (values['database-url']) kinds.postgres = (dir) => seam(dir, values['database-url'])
const results = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]))
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? Object.keys(kinds) : Object.keys(kinds).reverse()
  for (const kind of order) results[kind].push(await measure(kinds[kind]))
}
console.log(`store-append: ${appends} appends × ${rounds} rounds, Node ${process.version}`)
console.log('| store | µs per append (median of rounds) | all rounds |')
console.log('| ----- | -------------------------------- | ---------- |')
for (const [kind, list] of Object.entries(results)) {
  const sorted = [...list].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  console.log(`| ${kind} | ${median.toFixed(1)} | ${list.map((v) => v.toFixed(1)).join(', ')} |`)
}
