import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { onCleanup, testDatabaseUrl } from './helpers.js'

export const serverDir = path.resolve(import.meta.dirname, '..')

export interface ServerProcess {
  child: ChildProcess
  http: string
  sync: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Kills the process (SIGKILL) and resolves once it is gone. */
  stop(): Promise<void>
}

/**
 * Starts src/main.ts in its own process (through tsx) and resolves once it listens; on the
 * PostgreSQL run, with the test's database as DATABASE_URL unless `env` names one. It is killed
 * after the current test, or with `stop` by a caller that keeps it for several (`keep`).
 */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  { keep = false }: { keep?: boolean } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=@atelier/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...(env.DATABASE_URL === undefined && testDatabaseUrl()
        ? { DATABASE_URL: testDatabaseUrl() as string }
        : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  if (!keep) onCleanup(stop)
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', () => reject(new Error(`server exited before listening:\n${output}`)))
  })
  return { child, http: `http://127.0.0.1:${port}`, sync: `ws://127.0.0.1:${port}/sync`, exited, stop }
}
