/**
 * What the private test services ask of the machine: Debian's package for their binaries
 * (installed by scripts/ensure-debian-package.sh when missing) and a free loopback port.
 */
import { execFileSync } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

const ENSURE_SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/ensure-debian-package.sh')

/**
 * Installs Debian's `pkg` when `probe` (a command on PATH, or an absolute path that may hold a
 * glob) finds nothing; throws with the script's message when it cannot (not root, apt failing).
 */
export function ensureDebianPackage(pkg: string, probe: string, whatFor: string): void {
  execFileSync(ENSURE_SCRIPT, [pkg, probe, whatFor], { stdio: 'inherit' })
}

/** A loopback port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no free loopback port')
  return address.port
}
