import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MAX_MESSAGE_BYTES } from '@atelier/shared'
import { z } from 'zod'

/** The repository root, two levels above this file both in src/ (tsx) and in dist/ (node). */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  port: number
  host: string
  /** Absolute directory of the SQLite database and its images (unused with `databaseUrl`). */
  dataDir: string
  /** PostgreSQL connection URL (DATABASE_URL); null for the embedded SQLite store in `dataDir`. */
  databaseUrl: string | null
  logLevel: LogLevel
  /** Absolute directory of the built client (index.html and assets). */
  staticDir: string
  /** Log length of one document above which the relay folds it into a snapshot. */
  compactAfter: number
  /** Redis of a deployment with several nodes (see docs/architecture.md, Several nodes); null: one process. */
  redisUrl: string | null
  limits: Limits
  history: HistorySettings
}

/**
 * What one client may cost the server; each is an `ATELIER_*` setting (docs/security.md says why
 * each default). Rates are per connection, or per address for board creation.
 */
export interface Limits {
  /** Largest awareness message one connection may send, in bytes. */
  awarenessBytes: number
  /** Awareness messages per second per connection (a cursor and a view, once per frame each). */
  awarenessPerSecond: number
  /** Sync requests (the whole document sent back) per minute per connection. */
  syncRequestsPerMinute: number
  /** Document updates per second per connection. */
  updatesPerSecond: number
  /** Bytes queued for one socket that has not read them; past this the socket is closed. */
  sendBufferBytes: number
  /** Stored size of one document (board, session or private notes) past which writes are refused. */
  documentBytes: number
  /** Total size of the images of one board. */
  imageBytesPerBoard: number
  /** Boards one address may create per minute. */
  boardsPerMinute: number
  /** People (identities) one board may hold. */
  peoplePerBoard: number
}

/** When board versions are taken and how many are kept (see docs/facilitation.md, History). */
export interface HistorySettings {
  /** A board that changes gets a version when its newest one is older than this. */
  intervalMs: number
  /** A transaction deleting at least this many items gets a version just before it. */
  massDeleteItems: number
  /** Versions kept per board, newest first. */
  maxVersions: number
  /** Versions older than this are dropped. */
  maxAgeMs: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `expected an integer ${min}-${max}`)
    .transform(Number)
    .pipe(
      z.number().min(min, `expected an integer ${min}-${max}`).max(max, `expected an integer ${min}-${max}`),
    )
}

const MIB = 1024 * 1024

const nonEmpty = z.string().min(1, 'expected a non-empty value')

/** A Redis URL (`redis://` or `rediss://`), or empty for none. */
const redisUrl = z
  .string()
  .refine((raw) => {
    if (raw === '') return true
    try {
      const url = new URL(raw)
      return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== ''
    } catch {
      return false
    }
  }, 'expected redis://[user:password@]host[:port][/db] or rediss://…')
  .transform((raw) => (raw === '' ? null : raw))

/**
 * Every setting the server reads, by environment variable. Relative paths are resolved against the
 * repository root, not the process cwd: `pnpm start` runs from server/, yet `./data` means the
 * repository's data/ as the README says.
 */
const SETTINGS = {
  PORT: { schema: integer(0, 65535), fallback: '8080' },
  HOST: { schema: nonEmpty, fallback: '0.0.0.0' },
  DATA_DIR: { schema: nonEmpty, fallback: './data' },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`), fallback: 'info' },
  ATELIER_STATIC_DIR: { schema: nonEmpty, fallback: './client/dist' },
  ATELIER_COMPACT_AFTER: { schema: integer(1, 1_000_000), fallback: '500' },
  // May hold a password: an error names the problem without echoing the value.
  REDIS_URL: { schema: redisUrl, fallback: '', secret: true },
  ATELIER_AWARENESS_MAX_BYTES: { schema: integer(1024, MAX_MESSAGE_BYTES), fallback: String(32 * 1024) },
  ATELIER_AWARENESS_PER_SECOND: { schema: integer(1, 10_000), fallback: '200' },
  ATELIER_SYNC_REQUESTS_PER_MINUTE: { schema: integer(1, 10_000), fallback: '20' },
  ATELIER_UPDATES_PER_SECOND: { schema: integer(1, 100_000), fallback: '200' },
  ATELIER_SEND_BUFFER_BYTES: { schema: integer(64 * 1024, 2 ** 31), fallback: String(16 * MIB) },
  ATELIER_DOCUMENT_MAX_BYTES: { schema: integer(64 * 1024, 2 ** 31), fallback: String(64 * MIB) },
  ATELIER_IMAGE_QUOTA_BYTES: { schema: integer(0, 2 ** 40), fallback: String(500 * MIB) },
  ATELIER_BOARDS_PER_MINUTE: { schema: integer(1, 1_000_000), fallback: '20' },
  ATELIER_PEOPLE_PER_BOARD: { schema: integer(1, 1_000_000), fallback: '500' },
  ATELIER_HISTORY_INTERVAL_SECONDS: { schema: integer(10, 86_400), fallback: '300' },
  ATELIER_HISTORY_MASS_DELETE_ITEMS: { schema: integer(2, 100_000), fallback: '20' },
  ATELIER_HISTORY_MAX_VERSIONS: { schema: integer(1, 10_000), fallback: '100' },
  ATELIER_HISTORY_MAX_AGE_DAYS: { schema: integer(1, 3650), fallback: '30' },
} as const

type SettingName = keyof typeof SETTINGS

/**
 * ATELIER_* settings of the tools that start the server with their own environment (e2e tests,
 * benchmarks): the server knows them so that it does not refuse them, and does not read them.
 */
const TOOL_SETTINGS: readonly string[] = ['ATELIER_CHROMIUM']

function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(SETTINGS, name)
}

function read<N extends SettingName>(
  env: NodeJS.ProcessEnv,
  name: N,
): z.output<(typeof SETTINGS)[N]['schema']> {
  const setting = SETTINGS[name]
  const raw = env[name] ?? setting.fallback
  const result = setting.schema.safeParse(raw)
  if (!result.success) {
    const reason = result.error.issues[0]?.message ?? 'invalid value'
    const got = 'secret' in setting ? '' : `, got ${JSON.stringify(raw)}`
    throw new ConfigError(`Invalid setting ${name}: ${reason}${got}`)
  }
  return result.data as z.output<(typeof SETTINGS)[N]['schema']>
}

/** The limits with every setting at its default. */
export function defaultLimits(): Limits {
  return loadConfig({}).limits
}

/** The URL with its password hidden, for messages and logs. */
export function redactedUrl(raw: string): string {
  return raw.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@')
}

/**
 * DATABASE_URL: unset or empty for SQLite, else a postgres:// (or postgresql://) URL naming a
 * host and a database. Checked at start, so a typo stops the server with one line rather than at
 * the first query.
 */
function readDatabaseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL?.trim() ?? ''
  if (raw === '') return null
  const refuse = (reason: string): never => {
    throw new ConfigError(
      `Invalid setting DATABASE_URL: ${reason} (expected postgres://user:password@host:5432/database), got ${JSON.stringify(redactedUrl(raw))}`,
    )
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('not a URL')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return refuse(`only PostgreSQL is supported, not ${url.protocol.replace(/:$/, '')}`)
  }
  if (url.hostname === '' && !url.searchParams.has('host')) return refuse('no host')
  if (url.pathname.replace(/^\//, '') === '') return refuse('no database name')
  return raw
}

/** Reads the configuration from the environment; throws ConfigError with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  for (const name of Object.keys(env)) {
    // A typo in an ATELIER_* name would otherwise be silently ignored.
    if (name.startsWith('ATELIER_') && !isSettingName(name) && !TOOL_SETTINGS.includes(name)) {
      const known = Object.keys(SETTINGS).filter((n) => n.startsWith('ATELIER_'))
      throw new ConfigError(`Unknown setting ${name} (known: ${known.join(', ')})`)
    }
  }
  return {
    port: read(env, 'PORT'),
    host: read(env, 'HOST'),
    dataDir: path.resolve(REPO_ROOT, read(env, 'DATA_DIR')),
    databaseUrl: readDatabaseUrl(env),
    logLevel: read(env, 'LOG_LEVEL'),
    staticDir: path.resolve(REPO_ROOT, read(env, 'ATELIER_STATIC_DIR')),
    compactAfter: read(env, 'ATELIER_COMPACT_AFTER'),
    redisUrl: read(env, 'REDIS_URL'),
    limits: {
      awarenessBytes: read(env, 'ATELIER_AWARENESS_MAX_BYTES'),
      awarenessPerSecond: read(env, 'ATELIER_AWARENESS_PER_SECOND'),
      syncRequestsPerMinute: read(env, 'ATELIER_SYNC_REQUESTS_PER_MINUTE'),
      updatesPerSecond: read(env, 'ATELIER_UPDATES_PER_SECOND'),
      sendBufferBytes: read(env, 'ATELIER_SEND_BUFFER_BYTES'),
      documentBytes: read(env, 'ATELIER_DOCUMENT_MAX_BYTES'),
      imageBytesPerBoard: read(env, 'ATELIER_IMAGE_QUOTA_BYTES'),
      boardsPerMinute: read(env, 'ATELIER_BOARDS_PER_MINUTE'),
      peoplePerBoard: read(env, 'ATELIER_PEOPLE_PER_BOARD'),
    },
    history: {
      intervalMs: read(env, 'ATELIER_HISTORY_INTERVAL_SECONDS') * 1000,
      massDeleteItems: read(env, 'ATELIER_HISTORY_MASS_DELETE_ITEMS'),
      maxVersions: read(env, 'ATELIER_HISTORY_MAX_VERSIONS'),
      maxAgeMs: read(env, 'ATELIER_HISTORY_MAX_AGE_DAYS') * 86_400_000,
    },
  }
}
