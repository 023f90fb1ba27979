import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { copies, type Dockerfile, dockerignoreMatcher, envOf, parseDockerfile, splitArgs } from './dockerfile'

// Checks the compose files and the Dockerfile against the repository, since no Docker engine runs
// here: Debian's docker-compose validates and renders each compose file (`docker-compose config`),
// and a renamed folder, a moved entry point or a port changed in one place only fails this test.

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

type Volume = string | { type?: string; source?: string; target?: string }
type Port = string | number | { target?: number | string; published?: number | string }
interface Service {
  build?: string | { context?: string; dockerfile?: string }
  image?: string
  command?: string | string[]
  environment?: Record<string, string | null>
  ports?: Port[]
  volumes?: Volume[]
  healthcheck?: { test?: string | string[] }
  depends_on?: Record<string, { condition?: string }> | string[]
}
interface Compose {
  services: Record<string, Service>
  volumes?: Record<string, unknown> | null
}

/** What the cluster file needs to render: its one required setting. */
const COMPOSE_ENV = { ...process.env, POSTGRES_PASSWORD: 'compose-test' }

execFileSync(
  join(ROOT, 'scripts/ensure-debian-package.sh'),
  ['docker-compose', 'docker-compose', 'the compose test'],
  {
    stdio: 'inherit',
  },
)

/** Runs `docker-compose -f file config` in the repository; throws with its error output when it refuses. */
function render(file: string, env: NodeJS.ProcessEnv = COMPOSE_ENV) {
  return spawnSync('docker-compose', ['-f', file, 'config'], { cwd: ROOT, env, encoding: 'utf8' })
}

function rendered(file: string): Compose {
  const result = render(file)
  if (result.status !== 0) throw new Error(`docker-compose refused ${file}:\n${result.stderr}`)
  return parse(result.stdout) as Compose
}

const FILES = ['docker-compose.yml', 'docker-compose.cluster.yml'] as const
const composes = Object.fromEntries(FILES.map((file) => [file, rendered(file)])) as Record<
  (typeof FILES)[number],
  Compose
>
const compose = composes['docker-compose.yml']
const services = Object.entries(compose.services ?? {})
const built = services.filter(([, s]) => s.build !== undefined)
const cluster = composes['docker-compose.cluster.yml']
const clusterServices = Object.entries(cluster.services ?? {})
const clusterNodes = clusterServices.filter(([, s]) => s.build !== undefined)

function buildOf(service: Service) {
  const build = typeof service.build === 'string' ? { context: service.build } : (service.build ?? {})
  const context = resolve(ROOT, build.context ?? '.')
  return { context, dockerfile: join(context, build.dockerfile ?? 'Dockerfile') }
}

function dockerfileOf(service: Service): Dockerfile {
  return parseDockerfile(readFileSync(buildOf(service).dockerfile, 'utf8'))
}

/** The container side of a port mapping: `8080`, `"80:8080"`, `"127.0.0.1:80:8080/tcp"`, `{ target }`. */
function containerPort(port: Port): number {
  if (typeof port === 'object') return Number(port.target)
  const mapping = String(port).split('/')[0] ?? ''
  return Number(mapping.split(':').at(-1))
}

/** Named volumes a service mounts, with their targets (bind mounts and anonymous volumes left out). */
function namedVolumes(service: Service): { source: string; target: string }[] {
  return (service.volumes ?? []).flatMap((v) => {
    if (typeof v === 'object') {
      return (v.type ?? 'volume') === 'volume' && v.source
        ? [{ source: v.source, target: v.target ?? '' }]
        : []
    }
    const [source, target] = v.split(':')
    if (source === undefined || target === undefined || /^[./~$]/.test(source)) return []
    return [{ source, target }]
  })
}

function finalStage(dockerfile: Dockerfile) {
  return dockerfile.stages.length - 1
}

function instructionsOf(dockerfile: Dockerfile, keyword: string, stage = finalStage(dockerfile)) {
  return dockerfile.instructions.filter((i) => i.keyword === keyword && i.stage === stage)
}

function exposedPorts(dockerfile: Dockerfile): number[] {
  return instructionsOf(dockerfile, 'EXPOSE').flatMap((i) =>
    splitArgs(i.args).map((p) => Number(p.split('/')[0])),
  )
}

function healthcheckCommand(test: string | string[] | undefined): string {
  if (test === undefined) return ''
  return Array.isArray(test) ? test.filter((w) => w !== 'CMD' && w !== 'CMD-SHELL').join(' ') : test
}

/** The URL paths and literal ports a health-check command requests. */
function probedUrl(command: string) {
  const paths = [...command.matchAll(/['"`+]\s*['"`]?(\/[\w./-]*)['"`]/g)].map((m) => m[1])
  const ports = [...command.matchAll(/(?:127\.0\.0\.1|localhost):(\d+)|\|\|\s*(\d+)/g)].map((m) =>
    Number(m[1] ?? m[2]),
  )
  return { paths, ports }
}

function sourceFiles(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.[cm]?[jt]s$/.test(f) && !/\.test\./.test(f))
    .map((f) => join(dir, f))
}

describe('docker-compose.yml', () => {
  it('declares at least one service built from this repository', () => {
    expect(built.length).toBeGreaterThan(0)
  })

  it.each(built)('service %s: the build context and Dockerfile exist', (_name, service) => {
    const { context, dockerfile } = buildOf(service)
    expect(existsSync(context) && statSync(context).isDirectory(), `context ${context}`).toBe(true)
    expect(existsSync(dockerfile), `dockerfile ${dockerfile}`).toBe(true)
  })

  it('declares every named volume it uses, and uses every one it declares', () => {
    const declared = Object.keys(compose.volumes ?? {}).sort()
    const used = [...new Set(services.flatMap(([, s]) => namedVolumes(s).map((v) => v.source)))].sort()
    expect(used).toEqual(declared)
  })

  it.each(built)(
    'service %s: publishes the port the image exposes and the server listens on',
    (_name, service) => {
      const dockerfile = dockerfileOf(service)
      const exposed = exposedPorts(dockerfile)
      const envPort = Number(envOf(dockerfile, finalStage(dockerfile)).PORT)
      expect(service.ports?.length, 'ports').toBeGreaterThan(0)
      for (const port of service.ports ?? []) {
        const target = containerPort(port)
        expect(exposed, `EXPOSE for ${JSON.stringify(port)}`).toContain(target)
        expect(envPort, `ENV PORT for ${JSON.stringify(port)}`).toBe(target)
      }
    },
  )

  it.each(built)('service %s: keeps DATA_DIR on a named volume', (_name, service) => {
    const dockerfile = dockerfileOf(service)
    const dataDir = envOf(dockerfile, finalStage(dockerfile)).DATA_DIR
    expect(dataDir, 'ENV DATA_DIR').toBeTruthy()
    expect(namedVolumes(service).map((v) => v.target)).toContain(dataDir)
    const declaredVolumes = instructionsOf(dockerfile, 'VOLUME').flatMap((i) => splitArgs(i.args))
    expect(declaredVolumes).toContain(dataDir)
  })

  it.each(built)('service %s: health check probes /healthz on the container port', (_name, service) => {
    const { paths, ports } = probedUrl(healthcheckCommand(service.healthcheck?.test))
    expect(paths).toEqual(['/healthz'])
    const dockerfile = dockerfileOf(service)
    for (const port of ports) expect(exposedPorts(dockerfile)).toContain(port)
  })
})

describe('docker-compose.cluster.yml', () => {
  const caddyfile = read('deploy/cluster/Caddyfile')
  const upstreams = [...(/reverse_proxy\s+([^{]+)\{/.exec(caddyfile)?.[1] ?? '').matchAll(/(\S+):(\d+)/g)]
  const balancer = cluster.services.balancer

  it('is refused without POSTGRES_PASSWORD, with a message naming it', () => {
    const { POSTGRES_PASSWORD: _, ...env } = COMPOSE_ENV
    const result = render('docker-compose.cluster.yml', env)
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('set POSTGRES_PASSWORD')
  }, 60_000)

  it('runs two Atelier nodes built from this repository, on PostgreSQL and Redis', () => {
    expect(clusterNodes.map(([name]) => name).sort()).toEqual(['atelier-a', 'atelier-b'])
    for (const [, node] of clusterNodes) {
      const { context, dockerfile } = buildOf(node)
      expect(existsSync(dockerfile), `dockerfile ${dockerfile}`).toBe(true)
      expect(context).toBe(resolve(ROOT))
      const database = new URL(node.environment?.DATABASE_URL ?? '')
      const redis = new URL(node.environment?.REDIS_URL ?? '')
      expect([database.protocol, database.hostname]).toEqual(['postgres:', 'postgres'])
      expect([redis.protocol, redis.hostname]).toEqual(['redis:', 'redis'])
      expect(node.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      })
    }
  })

  it('publishes only the load balancer, on 8080, in front of every node on the port its image exposes', () => {
    const published = clusterServices.filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name)
    expect(published).toEqual(['balancer'])
    expect(
      balancer?.ports?.map((port) => (typeof port === 'object' ? Number(port.published) : port)),
    ).toEqual([8080])
    expect(balancer?.volumes).toContainEqual(
      expect.stringMatching(/deploy\/cluster\/Caddyfile:\/etc\/caddy\/Caddyfile/),
    )
    expect(upstreams.map((m) => m[1]).sort()).toEqual(clusterNodes.map(([name]) => name).sort())
    for (const [, node] of clusterNodes) {
      const exposed = exposedPorts(dockerfileOf(node))
      for (const upstream of upstreams) expect(exposed).toContain(Number(upstream[2]))
    }
  })

  it('sends no new connection to a node whose /healthz fails', () => {
    expect(caddyfile).toMatch(/health_uri\s+\/healthz/)
    expect(caddyfile).toMatch(/health_status\s+200/)
  })

  it('health-checks every service', () => {
    for (const [name, service] of clusterServices) {
      expect(healthcheckCommand(service.healthcheck?.test), name).not.toBe('')
    }
    for (const [, node] of clusterNodes) {
      expect(probedUrl(healthcheckCommand(node.healthcheck?.test)).paths).toEqual(['/healthz'])
    }
  })

  it('runs Redis with its append-only file on a named volume', () => {
    const redis = cluster.services.redis
    const command = Array.isArray(redis?.command) ? redis.command.join(' ') : String(redis?.command)
    expect(command).toMatch(/--appendonly yes/)
    expect(namedVolumes(redis ?? {}).map((v) => v.target)).toContain('/data')
  })

  it('keeps every durable thing on named volumes it declares, and declares no other', () => {
    const declared = Object.keys(cluster.volumes ?? {}).sort()
    const used = [...new Set(clusterServices.flatMap(([, s]) => namedVolumes(s).map((v) => v.source)))].sort()
    expect(used).toEqual(declared)
    expect(namedVolumes(cluster.services.postgres ?? {}).map((v) => v.target)).toContain(
      '/var/lib/postgresql/data',
    )
    for (const [, node] of clusterNodes) {
      const dataDir = envOf(dockerfileOf(node), finalStage(dockerfileOf(node))).DATA_DIR
      expect(namedVolumes(node).map((v) => v.target)).toContain(dataDir)
    }
  })
})

describe.each(built)('Dockerfile of service %s', (_name, service) => {
  const { context, dockerfile: path } = buildOf(service)
  const dockerfile = dockerfileOf(service)
  const ignorePath = join(context, '.dockerignore')
  const ignored = dockerignoreMatcher(existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8') : '')
  const rel = relative(ROOT, path)

  it('copies only paths that exist in the build context and are not excluded by .dockerignore', () => {
    const local = copies(dockerfile).filter((c) => c.from === null)
    expect(local.length).toBeGreaterThan(0)
    for (const copy of local) {
      for (const source of copy.sources) {
        const where = `${rel}:${copy.line} COPY ${source}`
        if (source === '.') continue
        expect(existsSync(join(context, source)), `${where} does not exist`).toBe(true)
        expect(ignored(posix.normalize(source)), `${where} is excluded by .dockerignore`).toBe(false)
      }
    }
  })

  it('copies --from= only from stages defined earlier', () => {
    for (const copy of copies(dockerfile).filter((c) => c.from !== null)) {
      const stage = dockerfile.stages.find((s) => s.name === copy.from)
      const copyStage = dockerfile.instructions.find((i) => i.line === copy.line)?.stage ?? -1
      expect(stage, `${rel}:${copy.line} --from=${copy.from}`).toBeDefined()
      expect(stage?.index ?? Number.POSITIVE_INFINITY).toBeLessThan(copyStage)
    }
  })

  it('copies every workspace manifest and the lockfile before the first pnpm install', () => {
    const workspace = parse(read('pnpm-workspace.yaml')) as { packages: string[] }
    const install = dockerfile.instructions.find((i) => i.keyword === 'RUN' && /pnpm install/.test(i.args))
    expect(install, 'a RUN pnpm install').toBeDefined()
    const copiedBefore = copies(dockerfile)
      .filter((c) => c.from === null && c.line < (install?.line ?? 0))
      .flatMap((c) => c.sources.map((s) => posix.normalize(s)))
    for (const file of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']) {
      expect(copiedBefore, file).toContain(file)
    }
    for (const pkg of workspace.packages) expect(copiedBefore, pkg).toContain(`${pkg}/package.json`)
  })

  it('starts the server package entry point that the final stage copies in', () => {
    const cmd = instructionsOf(dockerfile, 'CMD').at(-1)
    expect(cmd, 'CMD').toBeDefined()
    const [program, entry] = splitArgs(cmd?.args ?? '[]')
    expect(program).toBe('node')
    const [pkgDir, ...rest] = (entry ?? '').split('/')
    const pkg = JSON.parse(read(`${pkgDir}/package.json`)) as { main?: string }
    expect(posix.normalize(pkg.main ?? ''), `${pkgDir}/package.json main`).toBe(rest.join('/'))
    const runtimeCopies = copies(dockerfile).filter(
      (c) => dockerfile.instructions.find((i) => i.line === c.line)?.stage === finalStage(dockerfile),
    )
    const outputDir = posix.dirname(entry ?? '')
    expect(runtimeCopies.map((c) => posix.normalize(c.destination))).toContain(outputDir)
  })

  it('health-checks /healthz, a route the server defines', () => {
    const healthcheck = instructionsOf(dockerfile, 'HEALTHCHECK').at(-1)
    expect(healthcheck, 'HEALTHCHECK').toBeDefined()
    const command = healthcheck?.args.replace(/^(--\S+\s+)*CMD\s+/, '') ?? ''
    expect(probedUrl(command).paths).toEqual(['/healthz'])
    const defined = sourceFiles('server/src').some((f) => read(f).includes("'/healthz'"))
    expect(defined, "'/healthz' in server/src").toBe(true)
  })
})
