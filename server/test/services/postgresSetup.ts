import type { TestProject } from 'vitest/node'
import { openStore } from '../../src/store/open.js'
import { startPostgres } from './postgres.js'

/** Every test database is a copy of this one, already migrated: a copy costs less than the migrations. */
export const TEMPLATE_DATABASE = 'atelier_template'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Administration URL of the run's private PostgreSQL cluster (server-postgres project only). */
    postgresUrl: string
    /** The migrated database each test's database is copied from. */
    postgresTemplate: string
  }
}

/**
 * vitest globalSetup of the server-postgres project: one private cluster for the whole run,
 * with a migrated template database; stopped and deleted when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres()
  const url = await postgres.createDatabase(TEMPLATE_DATABASE)
  const store = openStore({ dataDir: '', databaseUrl: url }, { warn() {} })
  await store.migrate()
  await store.close()
  project.provide('postgresUrl', postgres.url)
  project.provide('postgresTemplate', TEMPLATE_DATABASE)
  return () => postgres.stop()
}
