import { buildApp } from './app.js'
import { ConfigError, loadConfig, redactedUrl } from './config.js'
import { DataDirError, prepareDataDir } from './store/dataDir.js'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
    // With PostgreSQL nothing is written to DATA_DIR: a node needs no disk of its own.
    if (!config.databaseUrl) prepareDataDir(config.dataDir)
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirError) fail(error.message)
    throw error
  }

  const app = buildApp(config)
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    app.log.fatal({ err: error }, 'could not start')
    process.exit(1)
  }
  const storage = config.databaseUrl
    ? { database: 'postgresql', databaseUrl: redactedUrl(config.databaseUrl) }
    : { database: 'sqlite', dataDir: config.dataDir }
  app.log.info({ ...storage, staticDir: config.staticDir }, 'Atelier is running')

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) =>
  fail(`Atelier could not start: ${error instanceof Error ? error.message : String(error)}`),
)
