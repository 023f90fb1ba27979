import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type Layering, layerViolations, sourceFiles, topEntry } from './imports.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Each package's folders from the bottom layer up. A module may import its own layer and the ones
 * below, never one above: the folder layout is the architecture, and an import up the layers
 * (the store reaching into a feature, a command into a panel) is what makes it rot.
 */
const layerings: Record<string, Layering> = {
  shared: [
    ['geometry', 'protocol'],
    ['schema'],
    ['api', 'layout', 'session', 'themes', 'voting'],
    ['templates'],
    ['game'],
    ['index'],
  ],
  client: [
    ['lib', 'i18n', 'presence', 'styles'],
    ['sync'],
    ['store'],
    ['items'],
    ['commands', 'tools'],
    ['board'],
    ['canvas', 'a11y', 'ui'],
    ['history', 'templates', 'themes', 'places', 'exports', 'voting', 'facilitation', 'game', 'room', 'join'],
    ['pages'],
    ['App', 'start'],
    ['main'],
  ],
}

describe('imports never run up the layers', () => {
  for (const [pkg, layering] of Object.entries(layerings)) {
    const src = join(root, pkg, 'src')
    it(`${pkg}/src`, () => {
      const files = sourceFiles(src)
      expect(files.length).toBeGreaterThan(10)
      const violations = layerViolations(
        src,
        files.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
        layering,
      )
      expect(violations.map((v) => `${relative(root, v.from)} → ${v.specifier}`)).toEqual([])
    })
  }

  it('every top-level entry of each package sits in a declared layer', () => {
    for (const [pkg, layering] of Object.entries(layerings)) {
      const declared = new Set(layering.flat())
      const entries = readdirSync(join(root, pkg, 'src'))
        .filter((name) => !/\.test\.tsx?$/.test(name))
        .map(topEntry)
      expect(entries.filter((name) => !declared.has(name)).map((name) => `${pkg}/${name}`)).toEqual([])
    }
  })

  it('catches an import up the layers, and only that', () => {
    const src = '/pkg/src'
    const files = [
      {
        file: '/pkg/src/store/a.ts',
        text: "import { b } from '../commands/b.js'\nimport { c } from './c.js'",
      },
      { file: '/pkg/src/commands/b.ts', text: "import type { A } from '../store/a.js'" },
      { file: '/pkg/src/store/deep/d.ts', text: "export { x } from '../../commands/b.js'" },
      { file: '/pkg/src/store/a.test.ts', text: "import { b } from '../commands/b.js'" },
    ]
    const found = layerViolations(src, files, [['store'], ['commands']])
    expect(found).toEqual([
      { from: '/pkg/src/store/a.ts', specifier: '../commands/b.js' },
      { from: '/pkg/src/store/deep/d.ts', specifier: '../../commands/b.js' },
    ])
  })
})
