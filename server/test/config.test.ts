import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const MIB = 1024 * 1024

describe('loadConfig', () => {
  it('has defaults for every setting, with paths under the repository root', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.join(repoRoot, 'data'),
      databaseUrl: null,
      logLevel: 'info',
      staticDir: path.join(repoRoot, 'client', 'dist'),
      compactAfter: 500,
      redisUrl: null,
      limits: {
        awarenessBytes: 32 * 1024,
        awarenessPerSecond: 200,
        syncRequestsPerMinute: 20,
        updatesPerSecond: 200,
        sendBufferBytes: 16 * MIB,
        documentBytes: 64 * MIB,
        imageBytesPerBoard: 500 * MIB,
        boardsPerMinute: 20,
        peoplePerBoard: 500,
      },
      history: { intervalMs: 300_000, massDeleteItems: 20, maxVersions: 100, maxAgeMs: 30 * 86_400_000 },
    })
  })

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/atelier',
      DATABASE_URL: 'postgres://atelier:secret@db.internal:5432/atelier',
      LOG_LEVEL: 'debug',
      ATELIER_STATIC_DIR: '/srv/atelier',
      ATELIER_COMPACT_AFTER: '10',
      REDIS_URL: 'redis://redis.internal:6380/2',
      ATELIER_AWARENESS_MAX_BYTES: '2048',
      ATELIER_AWARENESS_PER_SECOND: '10',
      ATELIER_SYNC_REQUESTS_PER_MINUTE: '3',
      ATELIER_UPDATES_PER_SECOND: '50',
      ATELIER_SEND_BUFFER_BYTES: '1048576',
      ATELIER_DOCUMENT_MAX_BYTES: '2097152',
      ATELIER_IMAGE_QUOTA_BYTES: '0',
      ATELIER_BOARDS_PER_MINUTE: '2',
      ATELIER_PEOPLE_PER_BOARD: '40',
      ATELIER_HISTORY_INTERVAL_SECONDS: '60',
      ATELIER_HISTORY_MASS_DELETE_ITEMS: '5',
      ATELIER_HISTORY_MAX_VERSIONS: '7',
      ATELIER_HISTORY_MAX_AGE_DAYS: '2',
    })
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/var/lib/atelier',
      databaseUrl: 'postgres://atelier:secret@db.internal:5432/atelier',
      logLevel: 'debug',
      staticDir: '/srv/atelier',
      compactAfter: 10,
      redisUrl: 'redis://redis.internal:6380/2',
      limits: {
        awarenessBytes: 2048,
        awarenessPerSecond: 10,
        syncRequestsPerMinute: 3,
        updatesPerSecond: 50,
        sendBufferBytes: MIB,
        documentBytes: 2 * MIB,
        imageBytesPerBoard: 0,
        boardsPerMinute: 2,
        peoplePerBoard: 40,
      },
      history: { intervalMs: 60_000, massDeleteItems: 5, maxVersions: 7, maxAgeMs: 2 * 86_400_000 },
    })
  })

  it('reads an empty DATABASE_URL as none (SQLite), and accepts postgresql:// and a socket host', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull()
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/atelier' }).databaseUrl).toBe(
      'postgresql://db/atelier',
    )
    const socket = 'postgres:///atelier?host=/var/run/postgresql'
    expect(loadConfig({ DATABASE_URL: socket }).databaseUrl).toBe(socket)
  })

  it('ignores variables that are not its own', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PATH: '/bin' })).not.toThrow()
  })

  it.each([
    [{ PORT: 'abc' }, 'Invalid setting PORT: expected an integer 0-65535, got "abc"'],
    [{ PORT: '70000' }, 'Invalid setting PORT: expected an integer 0-65535, got "70000"'],
    [{ PORT: '-1' }, 'Invalid setting PORT: expected an integer 0-65535, got "-1"'],
    [{ HOST: '' }, 'Invalid setting HOST: expected a non-empty value, got ""'],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid setting LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    [
      { ATELIER_UPDATES_PER_SECOND: '0' },
      'Invalid setting ATELIER_UPDATES_PER_SECOND: expected an integer 1-100000, got "0"',
    ],
    [
      { ATELIER_COMPACT_AFTER: '0' },
      'Invalid setting ATELIER_COMPACT_AFTER: expected an integer 1-1000000, got "0"',
    ],
    [
      { ATELIER_HISTORY_MAX_VERSIONS: '0' },
      'Invalid setting ATELIER_HISTORY_MAX_VERSIONS: expected an integer 1-10000, got "0"',
    ],
    [
      { DATABASE_URL: 'mysql://atelier@db/atelier' },
      'Invalid setting DATABASE_URL: only PostgreSQL is supported, not mysql (expected postgres://user:password@host:5432/database), got "mysql://atelier@db/atelier"',
    ],
    [
      { DATABASE_URL: 'db.internal:5432/atelier' },
      'Invalid setting DATABASE_URL: only PostgreSQL is supported, not db.internal (expected postgres://user:password@host:5432/database), got "db.internal:5432/atelier"',
    ],
    [
      { DATABASE_URL: 'postgres atelier' },
      'Invalid setting DATABASE_URL: not a URL (expected postgres://user:password@host:5432/database), got "postgres atelier"',
    ],
    [
      // The password never reaches the message (it goes to logs).
      { DATABASE_URL: 'postgres://atelier:hunter2@db.internal:5432' },
      'Invalid setting DATABASE_URL: no database name (expected postgres://user:password@host:5432/database), got "postgres://atelier:***@db.internal:5432"',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'Invalid setting REDIS_URL: expected redis://[user:password@]host[:port][/db] or rediss://…',
    ],
    [
      { REDIS_URL: 'http://cache.internal:6379' },
      'Invalid setting REDIS_URL: expected redis://[user:password@]host[:port][/db] or rediss://…',
    ],
  ])('refuses %j with a one-line message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('does not echo a REDIS_URL it refuses: it may hold a password', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis//:s3cret@cache:6379' })).toThrow(
      /^Invalid setting REDIS_URL: [^"]*$/,
    )
  })

  it('accepts ATELIER_CHROMIUM, the browser the test and benchmark tools read from the same environment', () => {
    expect(() => loadConfig({ ATELIER_CHROMIUM: '/opt/chromium/chrome' })).not.toThrow()
  })

  it('refuses an unknown ATELIER_* setting', () => {
    expect(() => loadConfig({ ATELIER_STATIC_DRI: '/srv' })).toThrow(
      /^Unknown setting ATELIER_STATIC_DRI \(known: ATELIER_STATIC_DIR, ATELIER_COMPACT_AFTER, ATELIER_AWARENESS_MAX_BYTES, /,
    )
  })
})
