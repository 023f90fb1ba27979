import Database from 'better-sqlite3'
import {
  type CompiledQuery,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
} from 'kysely'
import pg from 'pg'
import type { DialectName } from './migrations.js'
import type { Tables } from './tables.js'

/** Where the store reports what it survived (a lost connection): the app's logger, or the console. */
export interface StoreLog {
  warn(details: object, message: string): void
}

/** The store's database: the query builder and which dialect it speaks. */
export interface StoreDatabase {
  db: Kysely<Tables>
  dialect: DialectName
  /**
   * The embedded database only: runs a compiled query that returns rows at once, in this task,
   * or answers null when a transaction holds the connection (the query then goes through Kysely,
   * which queues it behind that transaction). Kysely's own path costs several times the insert
   * itself on the relay's path from a writer to everyone else.
   */
  runNow?<Row>(query: CompiledQuery<Row>): Row[] | null
}

/** Distinct statements kept prepared; the server has a few dozen, so this bound is never reached in use. */
const STATEMENT_CACHE_SIZE = 500

/**
 * better-sqlite3 behind Kysely, with each statement prepared once: Kysely prepares the SQL of
 * every query again, which would cost more than the append itself on the relay's hot path.
 */
class PreparedOnce implements SqliteDatabase {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(readonly connection: Database.Database) {}

  prepare(sql: string): SqliteStatement {
    if (sql === 'rollback') return this.rollback
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.connection.prepare(sql)
      if (this.statements.size < STATEMENT_CACHE_SIZE) this.statements.set(sql, statement)
    }
    return statement as unknown as SqliteStatement
  }

  close(): void {
    if (this.connection.open) this.connection.close()
  }

  /**
   * SQLite ends a transaction by itself on some errors (SQLITE_FULL, SQLITE_IOERR…); Kysely's
   * rollback would then fail with "no transaction is active" and hide the error that matters.
   */
  private readonly rollback: SqliteStatement = {
    reader: false,
    run: () => {
      if (this.connection.inTransaction) this.connection.prepare('rollback').run()
      return { changes: 0, lastInsertRowid: 0 }
    },
    all: () => [],
    iterate: () => [][Symbol.iterator](),
  }
}

/** The embedded database: one SQLite file. */
export function openSqlite(file: string): StoreDatabase {
  const connection = new Database(file)
  connection.pragma('journal_mode = WAL')
  // NORMAL only risks the last commits on power loss or an OS crash; a killed process (the
  // contract's SIGKILL case) loses nothing, since each commit is in the WAL file when it returns.
  connection.pragma('synchronous = NORMAL')
  connection.pragma('foreign_keys = ON')
  const prepared = new PreparedOnce(connection)
  return {
    db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: prepared }) }),
    dialect: 'sqlite',
    runNow<Row>(query: CompiledQuery<Row>): Row[] | null {
      // Outside a transaction, one statement is atomic on its own and better-sqlite3 runs it to
      // the end before returning: nothing else can come between.
      if (connection.inTransaction) return null
      const statement = prepared.prepare(query.sql)
      if (!statement.reader) throw new Error(`runNow is for queries that return rows: ${query.sql}`)
      return statement.all(query.parameters) as Row[]
    },
  }
}

/** PostgreSQL's bigint (int8): every one the store holds (times, sequence numbers, counts) fits a double. */
const INT8_OID = 20

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

/** Connections each node keeps to PostgreSQL at most. */
const POOL_SIZE = 10
/** How long a query waits for a connection before it fails (and the store turns degraded). */
const CONNECT_TIMEOUT_MS = 5000

/**
 * A pool of connections to PostgreSQL. A connection the server loses (the database restarted)
 * is dropped from the pool and logged; the next query opens a new one.
 */
export function openPostgres(url: string, log: StoreLog): StoreDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types,
  })
  pool.on('error', (error) => log.warn({ err: error }, 'lost an idle connection to PostgreSQL'))
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' }
}
