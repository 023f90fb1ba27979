/**
 * A private PostgreSQL for tests: real, never a mock, never the machine's own cluster.
 *
 *   const pg = await startPostgres()
 *   const url = await pg.createDatabase('votes_test')   // postgres://postgres@127.0.0.1:PORT/votes_test
 *   ...                                                  // e.g. DATABASE_URL=url for node processes
 *   await pg.stop()                                      // stops the server, deletes its files
 *
 * `startPostgres()` installs Debian's `postgresql` when missing (scripts/ensure-debian-package.sh,
 * as root), runs `initdb` in a fresh temporary directory (as the `postgres` user when this process
 * is root: PostgreSQL refuses to run as root), and starts the server on a free loopback port
 * with its socket in that directory. Authentication is `trust`, on loopback and the private
 * socket only. Durability is off (fsync, synchronous commit): a test cluster never outlives a
 * run. `halt()` and `start()` stop and start the same cluster (its data kept), for tests of a
 * database that goes away and comes back.
 *
 * The server tests share one cluster: vitest's globalSetup (./postgresSetup.ts) starts it once
 * and gives its URL to the test files (`inject('postgresUrl')`); test/helpers.ts then creates a
 * fresh database per test.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { ensureDebianPackage, freePort } from './machine.js'

export interface PostgresService {
  /** URL of the cluster's `postgres` database (the superuser's, for administration). */
  url: string
  port: number
  /** Creates an empty database (or a copy of `template`) and resolves with its URL. */
  createDatabase(name: string, template?: string): Promise<string>
  /** Drops a database, closing the connections still open on it. */
  dropDatabase(name: string): Promise<void>
  /** Stops the server (fast shutdown); its data stays for `start()`. */
  halt(): Promise<void>
  /** Starts the halted server again, on the same port. */
  start(): Promise<void>
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>
}

const SUPERUSER = 'postgres'

/** The newest installed PostgreSQL's bin directory, installing it first when there is none. */
function binDir(): string {
  const find = () => {
    const root = '/usr/lib/postgresql'
    if (!fs.existsSync(root)) return null
    const versions = fs
      .readdirSync(root)
      .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    return versions[0] ? path.join(root, versions[0], 'bin') : null
  }
  const found = find()
  if (found) return found
  ensureDebianPackage('postgresql', '/usr/lib/postgresql/*/bin/initdb', 'the server tests on PostgreSQL')
  const installed = find()
  if (!installed) throw new Error('PostgreSQL is still missing after scripts/ensure-debian-package.sh')
  return installed
}

/** Runs a PostgreSQL binary, as the `postgres` user when this process is root. */
function run(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0
  const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (${result.status}): ${result.stderr || result.stdout}`)
  }
}

function quoted(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`)
  return `"${name}"`
}

/** Creates and drops databases on a cluster, through its administration URL (`PostgresService.url`). */
export function databaseAdmin(adminUrl: string): Pick<PostgresService, 'createDatabase' | 'dropDatabase'> {
  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  return {
    async createDatabase(name, template) {
      await admin(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return url.toString()
    },
    async dropDatabase(name) {
      await admin(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)
    },
  }
}

export async function startPostgres(): Promise<PostgresService> {
  const bin = binDir()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-pg-'))
  const dataDir = path.join(root, 'data')
  const logFile = path.join(root, 'server.log')
  if (process.getuid?.() === 0) execFileSync('chown', [SUPERUSER, root])
  run(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    SUPERUSER,
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ])
  const port = await freePort()
  const options = [
    `-p ${port}`,
    '-h 127.0.0.1',
    `-k ${root}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ')
  const pgCtl = path.join(bin, 'pg_ctl')
  const start = async () => run(pgCtl, ['start', '-w', '-D', dataDir, '-l', logFile, '-o', options])
  const halt = async () => run(pgCtl, ['stop', '-w', '-m', 'fast', '-D', dataDir])
  await start()
  const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`
  return {
    url,
    port,
    ...databaseAdmin(url),
    halt,
    start,
    async stop() {
      try {
        await halt()
      } finally {
        fs.rmSync(root, { recursive: true, force: true })
      }
    },
  }
}
