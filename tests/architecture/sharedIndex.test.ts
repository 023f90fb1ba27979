import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The names a module lists in `{ … }` of its imports or exports from `from`. */
function namesFrom(text: string, from: RegExp): string[] {
  const clause = /(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g
  return [...text.matchAll(clause)]
    .filter((match) => from.test(match[2] ?? ''))
    .flatMap((match) => (match[1] ?? '').split(','))
    .map(
      (part) =>
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0] ?? '',
    )
    .filter((name) => name !== '')
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path)
    return /\.(tsx?|mjs)$/.test(entry.name) ? [path] : []
  })
}

describe("shared's index", () => {
  const index = readFileSync(join(root, 'shared/src/index.ts'), 'utf8')

  it('exports by name, never a whole module', () => {
    expect(index).not.toMatch(/export\s+\*/)
  })

  it('exports only what another package imports', () => {
    const importers = ['client', 'server', 'e2e', 'bench', 'tests'].flatMap((pkg) =>
      filesUnder(join(root, pkg)),
    )
    const used = new Set(
      importers.flatMap((file) => namesFrom(readFileSync(file, 'utf8'), /^@atelier\/shared$/)),
    )
    const exported = namesFrom(index, /^\.\//)
    expect(exported.length).toBeGreaterThan(100)
    expect(exported.filter((name) => !used.has(name))).toEqual([])
  })
})
