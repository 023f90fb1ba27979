import { describe, expect, it } from 'vitest'
import { buildResources } from './index.js'

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
})

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
}

describe('translations', () => {
  it('nest feature files under their name and keep core keys at the top', () => {
    const resources = buildResources({
      './locales/fr/core.json': { app: { name: 'Atelier' } },
      './locales/fr/voting.json': { title: 'Vote' },
    })
    expect(resources).toEqual({
      fr: { translation: { app: { name: 'Atelier' }, voting: { title: 'Vote' } } },
    })
  })

  it('refuse a core key named like a feature file, whichever comes first', () => {
    const core = { './locales/fr/core.json': { join: { title: 'Bienvenue' } } }
    const feature = { './locales/fr/join.json': { title: 'Rejoindre un atelier' } }
    expect(() => buildResources({ ...core, ...feature })).toThrow(
      'translation key "join" is both in fr/core.json and the file fr/join.json',
    )
    expect(() => buildResources({ ...feature, ...core })).toThrow('translation key "join"')
  })

  it('give every French string an English one and the other way round', () => {
    const resources = buildResources(files)
    const fr = keysOf(resources.fr?.translation).sort()
    const en = keysOf(resources.en?.translation).sort()
    expect(fr.length).toBeGreaterThan(20)
    expect(en).toEqual(fr)
  })

  it('have no empty string', () => {
    const resources = buildResources(files)
    for (const language of ['fr', 'en']) {
      const empty = keysOf(resources[language]?.translation).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            resources[language]?.translation,
          )
        return value === ''
      })
      expect(empty, language).toEqual([])
    }
  })
})
