import { defineProject } from 'vitest/config'

/**
 * The server tests again, on PostgreSQL: the same files as the `server` project (whose store is
 * SQLite), with a private cluster started once for the run. Files that test no store (pure
 * logic, the config, process start-up on SQLite, the browser's connection) run in `server` only.
 */
export default defineProject({
  resolve: { conditions: ['@atelier/source'] },
  test: {
    name: 'server-postgres',
    root: import.meta.dirname,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/config.test.ts',
      'test/updates.test.ts',
      'test/compaction-crash.test.ts',
      'test/history-crash.test.ts',
      'test/sqlite-*.test.ts',
      'test/boardConnection.test.ts',
    ],
    globalSetup: ['./test/services/postgresSetup.ts'],
  },
})
