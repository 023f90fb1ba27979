import { builtinTemplate, builtinTemplates, captureTemplate, type Template } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { escapeXml } from '../items/svg.js'
import { filterTemplates, fold, formatDuration } from './filter.js'
import { forgetLibrary, libraryLink, parseLibraryLink, readLibraries, rememberLibrary } from './libraries.js'
import { renderItemsSvg, renderTemplateSvg, wrapText } from './thumbnail.js'

function get(id: string): Template {
  const template = builtinTemplate(id)
  if (!template) throw new Error(`no built-in ${id}`)
  return template
}

/** Tags of an SVG string, counted by name. */
function tags(svg: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const [, name] of svg.matchAll(/<([a-z]+)[\s>/]/g))
    counts[name as string] = (counts[name as string] ?? 0) + 1
  return counts
}

describe('renderTemplateSvg', () => {
  it.each(builtinTemplates().map((t) => [t.id, t] as const))(
    'draws %s: a frame per frame, a note per note',
    (_id, template) => {
      for (const detail of ['thumbnail', 'preview'] as const) {
        const svg = renderTemplateSvg(template, { lang: 'fr', detail })
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
        expect(svg).not.toMatch(/NaN|undefined|Infinity/)
        const notes = template.items.filter((i) => i.type === 'note').length
        const shapes = template.items.filter(
          (i) => i.type === 'shape' && (i.shape ?? 'rectangle') === 'rectangle',
        ).length
        // Background + one per frame + two per note (shadow, paper) + rectangles + bars in thumbnails.
        expect(tags(svg).rect ?? 0).toBeGreaterThanOrEqual(1 + template.frames.length + 2 * notes + shapes)
        expect(tags(svg).line ?? 0).toBe(template.items.filter((i) => i.type === 'connector').length)
      }
    },
  )

  it('writes texts in the chosen language in previews, and no text in thumbnails', () => {
    const lewin = get('lewin-change')
    const preview = renderTemplateSvg(lewin, { lang: 'fr', detail: 'preview' })
    expect(preview).toContain('1. Décristallisation')
    expect(preview).toContain('conscience des')
    expect(renderTemplateSvg(lewin, { lang: 'en', detail: 'preview' })).toContain('1. Unfreezing')
    expect(renderTemplateSvg(lewin, { lang: 'fr', detail: 'thumbnail' })).not.toContain('<text')
  })

  it('fits the viewBox around the template', () => {
    const swot = get('swot-ffom')
    const svg = renderTemplateSvg(swot, { lang: 'fr', detail: 'thumbnail' })
    const [x, y, w, h] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number)
    for (const frame of swot.frames) {
      expect(frame.x).toBeGreaterThanOrEqual(x as number)
      expect(frame.y).toBeGreaterThanOrEqual(y as number)
      expect(frame.x + frame.w).toBeLessThanOrEqual((x as number) + (w as number))
      expect(frame.y + frame.h).toBeLessThanOrEqual((y as number) + (h as number))
    }
  })

  it('escapes what a lab wrote, so a file cannot inject markup', () => {
    const template = captureTemplate(
      [{ id: 'f', type: 'frame', x: 0, y: 0, w: 400, h: 300, text: '<script>alert(1)</script> & "co"' }],
      {
        id: 'x',
        title: 'X',
        description: '',
        category: 'ideation',
        language: 'fr',
        author: 'A',
        untitledFrame: 'Cadre',
      },
    )
    const svg = renderTemplateSvg(template, { lang: 'fr', detail: 'preview' })
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
  })
})

describe('wrapText', () => {
  it('wraps on words, cuts long words and ellipses what does not fit', () => {
    expect(wrapText('un deux trois quatre', 9, 3)).toEqual(['un deux', 'trois', 'quatre'])
    expect(wrapText('anticonstitutionnellement', 10, 2)).toEqual(['anticonst…'])
    expect(wrapText('un deux trois quatre cinq', 9, 2)).toEqual(['un deux', 'trois…'])
    expect(wrapText('   ', 10, 2)).toEqual([])
  })
})

describe('filterTemplates', () => {
  it('searches both languages without accents, all words', () => {
    const ids = (query: string, category: Parameters<typeof filterTemplates>[1]['category'] = 'all') =>
      filterTemplates(builtinTemplates(), { query, category }).map((t) => t.id)
    expect(ids('decristallisation')).toEqual(['lewin-change'])
    expect(ids('unfreeze')).toEqual(['lewin-change'])
    expect(ids('SWOT')).toContain('swot-ffom')
    expect(ids('changement lewin')).toEqual(['lewin-change'])
    expect(ids('', 'game').every((id) => get(id).category === 'game')).toBe(true)
    expect(ids('', 'game').length).toBeGreaterThan(0)
    expect(ids('zzz')).toEqual([])
    expect(ids('')).toHaveLength(14)
  })

  it('folds case and accents', () => {
    expect(fold('Éléphant À')).toBe('elephant a')
  })

  it('formats durations', () => {
    expect(formatDuration(45, 'fr')).toBe('45 min')
    expect(formatDuration(90, 'fr')).toBe('1 h 30')
    expect(formatDuration(90, 'en')).toBe('1 h 30 min')
    expect(formatDuration(120, 'en')).toBe('2 h')
  })
})

describe('library links and saved libraries', () => {
  const library = { id: 'AbCdEfGhIjKlMnOpQrStUv', token: 'T'.repeat(43) }

  it('round-trips a link, the token in the fragment', () => {
    const link = libraryLink('https://atelier.lab06.fr', library)
    expect(link).toBe(`https://atelier.lab06.fr/?library=${library.id}#${library.token}`)
    expect(parseLibraryLink(link)).toEqual(library)
    expect(parseLibraryLink(`  ${link}  `)).toEqual(library)
  })

  it.each([
    ['no library', 'https://x/#abc'],
    ['a short token', `https://x/?library=${'a'.repeat(22)}#short`],
    ['a bad id', `https://x/?library=a/b#${'T'.repeat(43)}`],
    ['a mangled fragment', `https://x/?library=${'a'.repeat(22)}#%E0%A4%A`],
  ])('refuses %s', (_case, link) => {
    expect(parseLibraryLink(link)).toBeNull()
  })

  it('remembers libraries most recent first, and forgets them', () => {
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    }
    expect(readLibraries(storage)).toEqual([])
    rememberLibrary(storage, { ...library, name: 'Lab 06' })
    rememberLibrary(storage, { id: 'other', token: 'x', name: 'Autre' })
    rememberLibrary(storage, { ...library, name: 'Lab 06 bis' })
    expect(readLibraries(storage).map((l) => l.name)).toEqual(['Lab 06 bis', 'Autre'])
    expect(forgetLibrary(storage, 'other').map((l) => l.name)).toEqual(['Lab 06 bis'])
    store.set('atelier.libraries', '{not json')
    expect(readLibraries(storage)).toEqual([])
  })
})

describe('renderItemsSvg', () => {
  it('anchors arrows on ellipses and diamonds as the board does, not on their boxes', () => {
    const far = { id: 'far', type: 'note' as const, x: 350, y: 150, w: 100, h: 100 }
    for (const [shape, reach] of [
      ['ellipse', (x: number, y: number) => Math.hypot(x, y)],
      ['diamond', (x: number, y: number) => Math.abs(x) + Math.abs(y)],
    ] as const) {
      const svg = renderItemsSvg(
        [
          { id: 's', type: 'shape', shape, x: 0, y: 0, w: 200, h: 100 },
          far,
          { id: 'c', type: 'connector', x: 0, y: 0, w: 0, h: 0, from: 's', to: 'far' },
        ],
        { detail: 'thumbnail' },
      )
      const [x1, y1] = ['x1', 'y1'].map((name) =>
        Number(new RegExp(`<line [^>]*${name}="([^"]+)"`).exec(svg)?.[1]),
      )
      // The start lies just outside the outline (the arrow keeps a small gap), not at the box's corner.
      const r = reach(((x1 as number) - 100) / 100, ((y1 as number) - 50) / 50)
      expect(r).toBeGreaterThan(1)
      expect(r).toBeLessThan(1.15)
    }
  })
})
