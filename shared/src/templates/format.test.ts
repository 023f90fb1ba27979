import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemsMap } from '../schema/board.js'
import { applyTemplate } from './apply.js'
import { builtinTemplate } from './builtin/index.js'
import { TEMPLATE_FORMAT_VERSION, type TemplateInput } from './format.js'
import { formatVersionOf, migrateTemplateJson, templateMigrations } from './migrations.js'
import {
  formatIssuePath,
  parseTemplate,
  safeParseTemplate,
  serializeTemplate,
  TemplateValidationError,
} from './parse.js'

/** A small valid template file. */
function minimal(): TemplateInput {
  return {
    formatVersion: 1,
    id: 'mini',
    title: { fr: 'Mini', en: 'Mini' },
    description: { fr: 'Un petit modèle', en: 'A small template' },
    category: 'ideation',
    author: 'Lab test',
    licence: 'CC-BY-SA-4.0',
    version: '0.1.0',
    facilitation: { fr: 'Simple.', en: 'Simple.' },
    participants: { min: 2, max: 10 },
    durationMinutes: 20,
    frames: [{ id: 'zone', title: { fr: 'Zone', en: 'Area' }, x: 0, y: 0, w: 400, h: 300 }],
    items: [
      {
        id: 'idee',
        type: 'note',
        frameId: 'zone',
        x: 20,
        y: 20,
        w: 100,
        h: 100,
        text: { fr: 'Idée', en: 'Idea' },
      },
    ],
    agenda: [
      {
        id: 'un',
        title: { fr: 'Écrire', en: 'Write' },
        instructions: { fr: 'Écrivez.', en: 'Write.' },
        durationMinutes: 5,
        frameId: 'zone',
      },
      {
        id: 'deux',
        title: { fr: 'Voter', en: 'Vote' },
        instructions: { fr: 'Votez.', en: 'Vote.' },
        durationMinutes: 5,
        frameId: 'zone',
        vote: { budget: 3 },
      },
      {
        id: 'trois',
        title: { fr: 'Conclure', en: 'Wrap up' },
        instructions: { fr: 'Concluez.', en: 'Wrap up.' },
        durationMinutes: 5,
        frameId: 'zone',
      },
    ],
  }
}

/** `minimal()` with its agenda step `index` changed. */
function withStep(index: number, patch: Record<string, unknown>): TemplateInput {
  const file = minimal()
  file.agenda = (file.agenda ?? []).map((step, i) => (i === index ? { ...step, ...patch } : step))
  return file
}

function errorsOf(json: unknown): string[] {
  const result = safeParseTemplate(json)
  if (result.ok) throw new Error('expected the template to be refused')
  return result.errors
}

describe('parseTemplate', () => {
  it('fills in the defaults', () => {
    const t = parseTemplate(minimal())
    expect(t.frames[0]?.locked).toBe(true)
    expect(t.items[0]?.locked).toBe(false)
    expect(t.agenda[0]?.mode).toBe('open')
    expect(t.decks).toEqual([])
  })

  it('names the field of a missing title.en', () => {
    const file = { ...minimal(), title: { fr: 'Mini' } }
    expect(errorsOf(file)).toEqual(['title.en: is required'])
    expect(() => parseTemplate(file)).toThrow(TemplateValidationError)
    expect(() => parseTemplate(file)).toThrow('title.en: is required')
  })

  it('names the field of an empty translation', () => {
    const file = withStep(1, { instructions: { fr: 'Votez.', en: '   ' } })
    expect(errorsOf(file)).toEqual(['agenda[1].instructions.en: must not be empty'])
  })

  it('names an agenda step pointing to an unknown frame', () => {
    const file = withStep(2, { frameId: 'ailleurs' })
    expect(errorsOf(file)).toEqual(['agenda[2].frameId: unknown frame "ailleurs"'])
  })

  it("names a step's other frame that is unknown or repeats its frame, and a reveal in place outside a reveal", () => {
    expect(errorsOf(withStep(2, { moreFrames: ['ailleurs', 'zone'], revealInPlace: true }))).toEqual([
      'agenda[2].moreFrames[0]: unknown frame "ailleurs"',
      'agenda[2].moreFrames[1]: repeats the step\'s frameId "zone"',
      'agenda[2].revealInPlace: applies to a step whose mode is revealed',
    ])
    expect(
      parseTemplate(withStep(2, { mode: 'revealed', revealInPlace: true })).agenda[2]?.revealInPlace,
    ).toBe(true)
  })

  it('names a frame zone outside its frame or without both titles', () => {
    const file = minimal()
    const frame = file.frames[0]
    if (!frame) throw new Error('no frame')
    frame.zones = [
      { title: { fr: 'Ouverte', en: 'Open' }, x: 1.2, y: 0.5 },
      { title: { fr: 'Fermée', en: '' }, x: 0, y: 0.5 },
    ]
    expect(errorsOf(file)).toEqual([
      'frames[0].zones[0].x: must be from 0 to 1 (a fraction of the frame)',
      'frames[0].zones[1].title.en: must not be empty',
    ])
    frame.zones = [{ title: { fr: 'Ouverte', en: 'Open' }, x: 1, y: 0.5 }]
    expect(parseTemplate(file).frames[0]?.zones).toEqual(frame.zones)
  })

  it('names an example that is not a note', () => {
    const file = minimal()
    file.items?.push({
      id: 'consigne',
      type: 'text',
      x: 0,
      y: 0,
      w: 100,
      h: 40,
      text: { fr: 'À faire', en: 'To do' },
      example: true,
    })
    expect(errorsOf(file)).toEqual(['items[1].example: applies to notes only'])
  })

  it('names a negative duration', () => {
    const file = withStep(2, { durationMinutes: -5 })
    expect(errorsOf(file)).toEqual(['agenda[2].durationMinutes: must be a positive number'])
  })

  it('names a wrong formatVersion, and a newer one', () => {
    expect(errorsOf({ ...minimal(), formatVersion: '1' })).toEqual(['formatVersion: must be 1'])
    expect(errorsOf({ ...minimal(), formatVersion: 2 })).toEqual([
      'formatVersion: format 2 is newer than this version of Atelier supports (1)',
    ])
  })

  it('names duplicate ids, dangling references and misplaced fields', () => {
    const file = withStep(0, { vote: { budget: 2, maxPerItem: 3 }, lockFrames: ['zone', 'x'] })
    file.agenda = file.agenda?.slice(0, 1)
    file.items = [
      ...(file.items ?? []),
      { id: 'zone', type: 'text', x: 0, y: 0, w: 10, h: 10, text: { fr: 'a', en: 'a' } },
      { id: 'fleche', type: 'connector', x: 0, y: 0, w: 10, h: 10, from: 'idee', to: 'perdu' },
      { id: 'forme', type: 'note', x: 0, y: 0, w: 10, h: 10, shape: 'ellipse' },
    ]
    expect(errorsOf(file)).toEqual([
      'items[1].id: "zone" is already used by frames[0].id',
      'items[2].to: unknown frame or item "perdu"',
      'items[3].text: is required for a note',
      'items[3].shape: applies to shapes only',
      'agenda[0].lockFrames[1]: unknown frame "x"',
      'agenda[0].vote.maxPerItem: must not exceed vote.budget (2)',
    ])
  })

  it('names unknown keys, bad enums, bad colours and bad slugs', () => {
    const file = {
      ...minimal(),
      id: 'Mini Modèle',
      category: 'fun',
      extra: true,
      frames: [{ ...minimal().frames[0], color: 'red', w: 0 }],
    }
    expect(errorsOf(file)).toEqual([
      'id: must be a lowercase slug (a-z, 0-9, single hyphens)',
      'category: must be one of ideation, decision, change, strategy, game, diagnosis',
      'frames[0].w: must be a positive number',
      'frames[0].color: must be a colour written #rrggbb',
      '(template): unknown key "extra"',
    ])
  })

  it("takes a step's tools as a preset or a list, and names a bad one", () => {
    expect(parseTemplate(withStep(0, { tools: 'simple', ownItemsOnly: false })).agenda[0]).toMatchObject({
      tools: 'simple',
      ownItemsOnly: false,
    })
    expect(parseTemplate(withStep(0, { tools: ['note', 'ellipse'] })).agenda[0]?.tools).toEqual([
      'note',
      'ellipse',
    ])
    const expected =
      'agenda[0].tools: must be simple or complet, or a list of tools among note, text, rectangle, ellipse, diamond, frame, connector, pen, highlighter'
    expect(errorsOf(withStep(0, { tools: 'tout' }))).toEqual([expected])
    expect(errorsOf(withStep(0, { tools: ['note', 'laser'] }))).toEqual([expected])
    expect(errorsOf(withStep(0, { ownItemsOnly: 'oui' }))).toEqual([
      'agenda[0].ownItemsOnly: must be true or false (got string)',
    ])
  })

  it('refuses what is not a template at all', () => {
    expect(errorsOf(null)).toEqual(['(template): must be an object (got null)'])
    expect(errorsOf([])[0]).toMatch(/^\(template\): must be an object/)
  })

  it('formats zod paths', () => {
    expect(formatIssuePath(['agenda', 2, 'durationMinutes'])).toBe('agenda[2].durationMinutes')
    expect(formatIssuePath([])).toBe('(template)')
  })

  it('serialises to JSON a lab can save and load back', () => {
    const t = builtinTemplate('policy-review')
    if (!t) throw new Error('missing built-in')
    expect(parseTemplate(JSON.parse(serializeTemplate(t)))).toEqual(t)
  })
})

describe('template migrations', () => {
  it('are gap-free and end at TEMPLATE_FORMAT_VERSION', () => {
    expect(templateMigrations.map((m) => m.version)).toEqual(templateMigrations.map((_, i) => i + 1))
    expect(templateMigrations.at(-1)?.version).toBe(TEMPLATE_FORMAT_VERSION)
  })

  it('bring a version-0 file (no formatVersion, French-only strings, duration) to version 1', () => {
    const old = {
      id: 'ancien',
      title: 'Ancien modèle',
      description: 'Écrit avant le format versionné',
      category: 'decision',
      author: 'Lab 06',
      licence: 'CC-BY-SA-4.0',
      version: '1.0.0',
      facilitation: 'Comme d’habitude.',
      participants: { min: 2, max: 12 },
      durationMinutes: 30,
      frames: [{ id: 'cadre', title: 'Cadre', x: 0, y: 0, w: 500, h: 400 }],
      items: [
        { id: 'consigne', type: 'text', frameId: 'cadre', x: 10, y: 10, w: 300, h: 60, text: 'Écrivez ici' },
      ],
      agenda: [{ id: 'pas', title: 'Étape', instructions: 'Faites-le.', duration: 10, frameId: 'cadre' }],
      decks: [{ id: 'jeu', title: 'Cartes', cards: [{ id: 'c', title: 'Carte', prompt: 'Et si… ?' }] }],
    }
    const frozen = structuredClone(old)
    expect(formatVersionOf(old)).toBe(0)
    const migrated = migrateTemplateJson(old) as Record<string, unknown>
    expect(old).toEqual(frozen)
    expect(migrated.formatVersion).toBe(1)
    const t = parseTemplate(old)
    expect(t.title).toEqual({ fr: 'Ancien modèle', en: 'Ancien modèle' })
    expect(t.items[0]?.text).toEqual({ fr: 'Écrivez ici', en: 'Écrivez ici' })
    expect(t.agenda[0]?.durationMinutes).toBe(10)
    expect(t.decks[0]?.cards[0]?.prompt.fr).toBe('Et si… ?')
    expect(parseTemplate({ ...old, formatVersion: 0 })).toEqual(t)
  })

  it('leave current files and unmigratable input alone', () => {
    const file = minimal()
    expect(migrateTemplateJson(file)).toBe(file)
    expect(migrateTemplateJson('texte')).toBe('texte')
    const newer = { ...file, formatVersion: 9 }
    expect(migrateTemplateJson(newer)).toBe(newer)
  })
})

describe('applyTemplate', () => {
  it('validates, expands and writes a file in one go', () => {
    const doc = new Y.Doc()
    const expansion = applyTemplate(doc, minimal(), { origin: { x: 10, y: 10 }, lang: 'en' })
    expect(itemsMap(doc).size).toBe(2)
    expect(expansion.agenda.map((s) => s.title)).toEqual(['Write', 'Vote', 'Wrap up'])
  })

  it('writes nothing when the file is invalid', () => {
    const doc = new Y.Doc()
    const file = { ...minimal(), title: { fr: 'Mini' } }
    expect(() => applyTemplate(doc, file, { origin: { x: 0, y: 0 }, lang: 'fr' })).toThrow(
      TemplateValidationError,
    )
    expect(itemsMap(doc).size).toBe(0)
  })
})
