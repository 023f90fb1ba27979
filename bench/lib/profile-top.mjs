#!/usr/bin/env node
/**
 * Where a V8 CPU profile (`node --cpu-prof`) spent its time: the functions with the most self
 * time, and the share of the samples under each package (inclusive time). Idle time is left out.
 * `--after REGEX` counts only from the first sample whose stack has a frame matching REGEX (for
 * the relay: `--after 'accept .*sync/relay'`, which leaves the server's start-up out).
 *
 *   node bench/lib/profile-top.mjs FILE.cpuprofile [--top N] [--after REGEX]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number }} callFrame
 * @property {number[]} [children]
 */

/**
 * Self time per function, and inclusive time per source package, from one profile.
 * @param {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} profile
 * @param {RegExp} [after]
 */
export function summarizeProfile(profile, after) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  /** @type {Map<number, number>} */
  const parentOf = new Map()
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  /** @type {Map<number, number>} microseconds of samples that landed in each node */
  const selfByNode = new Map()
  const stackMatches = (/** @type {number} */ id) => {
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) {
      if (after?.test(frameName(/** @type {ProfileNode} */ (byId.get(at))))) return true
    }
    return false
  }
  let counting = after === undefined
  profile.samples.forEach((id, i) => {
    counting ||= stackMatches(id)
    if (!counting) return
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0))
  })
  let total = 0
  /** @type {Map<string, number>} */
  const selfByFunction = new Map()
  /** @type {Map<string, number>} */
  const inclusiveByPackage = new Map()
  for (const [id, us] of selfByNode) {
    const node = /** @type {ProfileNode} */ (byId.get(id))
    const key = frameName(node)
    if (key === '(idle)') continue
    total += us
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us)
    // Each package counted once per sample, however deep its frames are in the stack.
    const seen = new Set()
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) {
      const pkg = packageOf(/** @type {ProfileNode} */ (byId.get(at)).callFrame.url)
      if (pkg && !seen.has(pkg)) {
        seen.add(pkg)
        inclusiveByPackage.set(pkg, (inclusiveByPackage.get(pkg) ?? 0) + us)
      }
    }
  }
  const sorted = (/** @type {Map<string, number>} */ m) => [...m].sort((a, b) => b[1] - a[1])
  return { totalMs: total / 1000, self: sorted(selfByFunction), packages: sorted(inclusiveByPackage) }
}

/** @param {ProfileNode} node */
function frameName({ callFrame: { functionName, url, lineNumber } }) {
  if (!url) return functionName || '(anonymous)'
  const file = url.replace(/^file:\/\//, '').replace(/.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
  const short = file.replace(/.*\/(server|shared)\/dist\//, '$1/')
  return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
}

/** The npm package (or our workspace package) a script belongs to; null for V8 and Node internals. */
function packageOf(/** @type {string} */ url) {
  if (!url) return null
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/)
  if (pkg) return pkg[1]
  const ours = url.match(/\/(server|shared)\/dist\/(.*?)(\/[^/]*)?$/)
  if (ours) return `${ours[1]}/${ours[2].split('/').slice(0, 2).join('/')}`
  if (url.startsWith('node:')) return url
  return null
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, after: { type: 'string' } },
  })
  const [file] = positionals
  if (!file) {
    console.error('usage: node bench/lib/profile-top.mjs FILE.cpuprofile [--top N] [--after REGEX]')
    process.exit(64)
  }
  const top = Number(values.top)
  const after = values.after === undefined ? undefined : new RegExp(values.after)
  const { totalMs, self, packages } = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), after)
  const pct = (/** @type {number} */ us) => `${((us / 1000 / totalMs) * 100).toFixed(1).padStart(5)} %`
  console.log(`${file}: ${totalMs.toFixed(0)} ms busy\n\nself time, top ${top}:`)
  for (const [name, us] of self.slice(0, top))
    console.log(`  ${pct(us)}  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`)
  console.log('\ninclusive time by package or module:')
  for (const [name, us] of packages.slice(0, top))
    console.log(`  ${pct(us)}  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
