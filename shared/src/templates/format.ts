import { z } from 'zod'
import { SHAPE_KINDS } from '../schema/types.js'
import { ZONE_LIMITS } from '../schema/zones.js'
import { TOOL_PRESETS, WRITING_TOOL_IDS } from '../session/permissions.js'
import { WRITING_MODES } from '../session/types.js'

/**
 * The template file format, version 1.
 *
 * A template is data, not code: a lab copies one, edits it, and saves it to its own library as
 * JSON. Everything a workshop needs travels with it — the board background (frames, locked
 * instructions, example notes), the agenda the facilitator steps through (timer, private
 * writing, dot vote), prompt-card decks and gamification settings.
 *
 * Geometry is in board units relative to the template origin; `expandTemplate` places it on a
 * board. Every human-readable text is bilingual (`{ fr, en }`, both required): French is the
 * first language of the interface, English the second.
 *
 * Ids inside a template (frames, items, steps, decks, cards, poll options) are local slugs,
 * unique across the whole template; they are replaced by fresh ids on every expansion.
 */

/** Format version written by this code. Older files are brought up to it by `migrateTemplateJson`. */
export const TEMPLATE_FORMAT_VERSION = 1

export const LANGS = ['fr', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** Gallery filter: what a template is for. */
export const TEMPLATE_CATEGORIES = [
  'ideation',
  'decision',
  'change',
  'strategy',
  'game',
  'diagnosis',
] as const
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number]

/** Item types a template may place (frames are declared apart, in `frames`). */
const TEMPLATE_ITEM_TYPES = ['note', 'text', 'shape', 'connector'] as const

/** Limits that keep a lab's file from growing a board without bound. */
export const TEMPLATE_LIMITS = {
  text: 2000,
  title: 200,
  frames: 200,
  items: 1000,
  steps: 100,
  decks: 20,
  cards: 100,
  coordinate: 1_000_000,
} as const

// ---------------------------------------------------------------------------------------------
// Building blocks. Every message reads after a field path: "agenda[2].durationMinutes: …".

function kind(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'an array'
  return typeof input
}

const required =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'is required' : `must be ${expected} (got ${kind(issue.input)})`

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A template-local id: a lowercase slug (`frame-forces`, `step-vote`). */
const localIdSchema = z
  .string({ error: required('a string') })
  .max(64, 'must be at most 64 characters')
  .regex(SLUG, 'must be a lowercase slug (a-z, 0-9, single hyphens)')

function boundedText(max: number) {
  return z
    .string({ error: required('a string') })
    .max(max, `must be at most ${max} characters`)
    .refine((value) => value.trim().length > 0, 'must not be empty')
}

function bilingual(max: number) {
  const text = boundedText(max)
  return z.strictObject({ fr: text, en: text }, { error: required('an object { fr, en }') })
}

/** A text in both languages; both are required and non-empty. */
const localizedTextSchema = bilingual(TEMPLATE_LIMITS.text)
export type LocalizedText = z.output<typeof localizedTextSchema>

const localizedTitle = bilingual(TEMPLATE_LIMITS.title)

/** A CSS colour as `#rrggbb` (notes: a `NOTE_COLORS` value; frames: a soft tint). */
const colorSchema = z
  .string({ error: required('a colour string') })
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')

const coordinate = z
  .number({ error: required('a number') })
  .min(-TEMPLATE_LIMITS.coordinate, 'is too far from the origin')
  .max(TEMPLATE_LIMITS.coordinate, 'is too far from the origin')

const size = z
  .number({ error: required('a positive number') })
  .positive('must be a positive number')
  .max(TEMPLATE_LIMITS.coordinate, 'is too large')

const minutes = z
  .number({ error: required('a positive number') })
  .positive('must be a positive number')
  .max(24 * 60, 'must be at most 1440 minutes')

const count = (what: string) => z.int({ error: required(`a whole number (${what})`) })

function list<T extends z.ZodType>(item: T, max: number) {
  return z.array(item, { error: required('an array') }).max(max, `must hold at most ${max} entries`)
}

// ---------------------------------------------------------------------------------------------
// Parts of a template.

const fraction = z
  .number({ error: required('a number from 0 to 1') })
  .min(0, 'must be from 0 to 1 (a fraction of the frame)')
  .max(1, 'must be from 0 to 1 (a fraction of the frame)')

/** A named point of a frame, as fractions of its width and height (see `FrameZone`). */
const templateZoneSchema = z.strictObject({
  title: bilingual(ZONE_LIMITS.title),
  x: fraction,
  y: fraction,
})

/** A frame: a titled zone of the board. Frames are the template's background, locked by default. */
export const templateFrameSchema = z.strictObject({
  id: localIdSchema,
  title: localizedTitle,
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
  color: colorSchema.optional(),
  /** Locked frames cannot be moved or resized by participants. Default true. */
  locked: z.boolean({ error: required('true or false') }).default(true),
  /** Named places in the frame (a journey's stages, the marks of a scale), which a phone offers. */
  zones: list(templateZoneSchema, ZONE_LIMITS.zones).optional(),
})

/**
 * An item of the background or an example note. `text` is required for notes and text;
 * `shape` applies to shapes only; `from`/`to` (ids of frames or items) to connectors only.
 */
export const templateItemSchema = z.strictObject({
  id: localIdSchema,
  type: z.enum(TEMPLATE_ITEM_TYPES, { error: `must be one of ${TEMPLATE_ITEM_TYPES.join(', ')}` }),
  /** The frame the item belongs to (moves with it, counted in its results). */
  frameId: localIdSchema.optional(),
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
  text: localizedTextSchema.optional(),
  color: colorSchema.optional(),
  /** Instructions and background shapes are locked; example notes are not. Default false. */
  locked: z.boolean({ error: required('true or false') }).default(false),
  shape: z.enum(SHAPE_KINDS, { error: `must be one of ${SHAPE_KINDS.join(', ')}` }).optional(),
  from: localIdSchema.optional(),
  to: localIdSchema.optional(),
  /** A note showing what to write (« Ex. : … »): not an idea, never a vote's candidate (notes only). */
  example: z.boolean({ error: required('true or false') }).optional(),
})

/** A dot vote: `budget` dots per person, at most `maxPerItem` on one item. */
const templateVoteSchema = z.strictObject({
  budget: count('dots per person').min(1, 'must be at least 1').max(50, 'must be at most 50'),
  maxPerItem: count('dots per item').min(1, 'must be at least 1').optional(),
})

/** A quick poll or quiz question shown with live results; `correctOptionId` makes it a quiz. */
const templatePollSchema = z.strictObject({
  question: localizedTextSchema,
  options: list(z.strictObject({ id: localIdSchema, label: localizedTitle }), 10).min(
    2,
    'must hold at least 2 options',
  ),
  correctOptionId: localIdSchema.optional(),
})

const TOOL_PRESET_NAMES = Object.keys(TOOL_PRESETS) as (keyof typeof TOOL_PRESETS)[]

/**
 * The writing tools participants get while a step runs: a preset ("simple": note, text, pen;
 * "complet": every tool) or a list of tools. The relay refuses a participant's item made with any
 * other tool.
 */
const templateStepToolsSchema = z.union(
  [
    z.enum(TOOL_PRESET_NAMES),
    list(z.enum(WRITING_TOOL_IDS), WRITING_TOOL_IDS.length).min(1, 'must hold at least 1 tool'),
  ],
  {
    error: `must be ${TOOL_PRESET_NAMES.join(' or ')}, or a list of tools among ${WRITING_TOOL_IDS.join(', ')}`,
  },
)
export type TemplateStepTools = z.output<typeof templateStepToolsSchema>

/** One step of the agenda the facilitator moves through. */
const templateAgendaStepSchema = z.strictObject({
  id: localIdSchema,
  title: localizedTitle,
  instructions: localizedTextSchema,
  durationMinutes: minutes,
  /** The frame everyone is brought to when the step starts. */
  frameId: localIdSchema,
  /** More frames the step works in, beside `frameId`: in view with it, offered on phones, in its vote. */
  moreFrames: list(localIdSchema, TEMPLATE_LIMITS.frames).optional(),
  /** open · private (notes stay with their author) · revealed (private notes published). Default open. */
  mode: z.enum(WRITING_MODES, { error: `must be one of ${WRITING_MODES.join(', ')}` }).default('open'),
  /** With mode revealed: each note stays where its author put it (tokens on a scale), not tidied into the step's frames. */
  revealInPlace: z.boolean({ error: required('true or false') }).optional(),
  vote: templateVoteSchema.optional(),
  /** Frames locked while this step runs (e.g. the challenge once it is agreed). */
  lockFrames: list(localIdSchema, TEMPLATE_LIMITS.frames).optional(),
  /** A deck of prompt cards offered during the step. */
  deckId: localIdSchema.optional(),
  poll: templatePollSchema.optional(),
  /** What participants may use during the step; the board's choice stays when absent. */
  tools: templateStepToolsSchema.optional(),
  /** "Chacun ne modifie que ses propres notes" during the step; unchanged when absent. */
  ownItemsOnly: z.boolean({ error: required('true or false') }).optional(),
})

const templateCardSchema = z.strictObject({
  id: localIdSchema,
  title: localizedTitle,
  prompt: localizedTextSchema,
})

/** A deck of prompt or challenge cards (creativity techniques, constraints, personas). */
const templateDeckSchema = z.strictObject({
  id: localIdSchema,
  title: localizedTitle,
  cards: list(templateCardSchema, TEMPLATE_LIMITS.cards).min(1, 'must hold at least 1 card'),
})

const points = z
  .int({ error: required('a whole number of points') })
  .min(0, 'must be 0 or more')
  .max(100)

/** Points of a gamified session; the leaderboard and podium read them. */
const templateGamificationSchema = z.strictObject({
  pointsPerIdea: points,
  pointsPerVoteReceived: points,
  /** Building on someone else's idea ("rebond"). */
  pointsPerRebond: points,
  pointsPerCardAnswered: points,
  /** Score per person or per team. Default person. */
  scoreBy: z.enum(['person', 'team'], { error: 'must be person or team' }).default('person'),
  /** Show the live leaderboard during the session (the podium is always shown at the end). */
  leaderboard: z.boolean({ error: required('true or false') }).default(true),
})
export type TemplateGamification = z.output<typeof templateGamificationSchema>

const semver = z
  .string({ error: required('a version string') })
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.0.0')

const versionLiteral = z.literal(TEMPLATE_FORMAT_VERSION, {
  error: (issue) =>
    typeof issue.input === 'number' && issue.input > TEMPLATE_FORMAT_VERSION
      ? `format ${issue.input} is newer than this version of Atelier supports (${TEMPLATE_FORMAT_VERSION})`
      : `must be ${TEMPLATE_FORMAT_VERSION}`,
})

// ---------------------------------------------------------------------------------------------
// The template.

const templateObject = z.strictObject(
  {
    formatVersion: versionLiteral,
    /** Stable slug; also the id of `GET /api/templates` and `POST /api/boards { templateId }`. */
    id: localIdSchema,
    title: localizedTitle,
    description: localizedTextSchema,
    category: z.enum(TEMPLATE_CATEGORIES, { error: `must be one of ${TEMPLATE_CATEGORIES.join(', ')}` }),
    /**
     * The language the template was written in, when it was saved from a board: its texts were
     * copied to both languages and the other one awaits a translator. Absent: both are written.
     */
    language: z.enum(LANGS, { error: `must be one of ${LANGS.join(', ')}` }).optional(),
    /** Who wrote it (a person or a team). */
    author: boundedText(TEMPLATE_LIMITS.title),
    /** The lab that shares it, when not the author. */
    lab: boundedText(TEMPLATE_LIMITS.title).optional(),
    /** SPDX licence id, e.g. CC-BY-SA-4.0. */
    licence: z
      .string({ error: required('a licence id') })
      .regex(/^[A-Za-z0-9.+-]{2,64}$/, 'must be a licence id such as CC-BY-SA-4.0'),
    /** Version of this template (semver), bumped by the lab when it changes it. */
    version: semver,
    /** How to run it: notes for the facilitator. */
    facilitation: localizedTextSchema,
    participants: z.strictObject({
      min: count('participants').min(1, 'must be at least 1'),
      max: count('participants').min(1, 'must be at least 1').max(500, 'must be at most 500'),
    }),
    /** Expected length of the whole workshop. */
    durationMinutes: minutes,
    frames: list(templateFrameSchema, TEMPLATE_LIMITS.frames).min(1, 'must hold at least 1 frame'),
    items: list(templateItemSchema, TEMPLATE_LIMITS.items).default([]),
    agenda: list(templateAgendaStepSchema, TEMPLATE_LIMITS.steps).default([]),
    decks: list(templateDeckSchema, TEMPLATE_LIMITS.decks).default([]),
    gamification: templateGamificationSchema.optional(),
  },
  { error: required('an object') },
)

type TemplateShape = z.output<typeof templateObject>

/** Referential integrity: unique ids, every reference resolves, fields used where they apply. */
function checkReferences(t: TemplateShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message })

  const seen = new Map<string, string>()
  const claim = (id: string, path: (string | number)[]) => {
    const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')
    const first = seen.get(id)
    if (first) issue(path, `"${id}" is already used by ${first.slice(1)}`)
    else seen.set(id, where)
  }
  for (const [i, f] of t.frames.entries()) claim(f.id, ['frames', i, 'id'])
  for (const [i, item] of t.items.entries()) claim(item.id, ['items', i, 'id'])
  t.agenda.forEach((s, i) => {
    claim(s.id, ['agenda', i, 'id'])
    for (const [j, o] of (s.poll?.options ?? []).entries())
      claim(o.id, ['agenda', i, 'poll', 'options', j, 'id'])
  })
  t.decks.forEach((d, i) => {
    claim(d.id, ['decks', i, 'id'])
    for (const [j, c] of d.cards.entries()) claim(c.id, ['decks', i, 'cards', j, 'id'])
  })

  const frames = new Set(t.frames.map((f) => f.id))
  const placed = new Set([...frames, ...t.items.map((item) => item.id)])
  const decks = new Set(t.decks.map((d) => d.id))

  if (t.participants.max < t.participants.min) {
    issue(['participants', 'max'], `must be at least participants.min (${t.participants.min})`)
  }

  t.items.forEach((item, i) => {
    const at = (key: string) => ['items', i, key]
    if (item.frameId !== undefined && !frames.has(item.frameId)) {
      issue(at('frameId'), `unknown frame "${item.frameId}"`)
    }
    if ((item.type === 'note' || item.type === 'text') && !item.text) {
      issue(at('text'), `is required for a ${item.type}`)
    }
    if (item.shape !== undefined && item.type !== 'shape') issue(at('shape'), 'applies to shapes only')
    if (item.example !== undefined && item.type !== 'note') issue(at('example'), 'applies to notes only')
    for (const end of ['from', 'to'] as const) {
      const ref = item[end]
      if (ref === undefined) continue
      if (item.type !== 'connector') issue(at(end), 'applies to connectors only')
      else if (ref === item.id) issue(at(end), 'must not point to the connector itself')
      else if (!placed.has(ref)) issue(at(end), `unknown frame or item "${ref}"`)
    }
  })

  t.agenda.forEach((step, i) => {
    const at = (...rest: (string | number)[]) => ['agenda', i, ...rest]
    if (!frames.has(step.frameId)) issue(at('frameId'), `unknown frame "${step.frameId}"`)
    step.moreFrames?.forEach((id, j) => {
      if (!frames.has(id)) issue(at('moreFrames', j), `unknown frame "${id}"`)
      else if (id === step.frameId) issue(at('moreFrames', j), `repeats the step's frameId "${id}"`)
    })
    step.lockFrames?.forEach((id, j) => {
      if (!frames.has(id)) issue(at('lockFrames', j), `unknown frame "${id}"`)
    })
    if (step.deckId !== undefined && !decks.has(step.deckId))
      issue(at('deckId'), `unknown deck "${step.deckId}"`)
    if (step.revealInPlace !== undefined && step.mode !== 'revealed')
      issue(at('revealInPlace'), 'applies to a step whose mode is revealed')
    if (step.vote?.maxPerItem !== undefined && step.vote.maxPerItem > step.vote.budget) {
      issue(at('vote', 'maxPerItem'), `must not exceed vote.budget (${step.vote.budget})`)
    }
    const poll = step.poll
    if (poll?.correctOptionId !== undefined && !poll.options.some((o) => o.id === poll.correctOptionId)) {
      issue(at('poll', 'correctOptionId'), `unknown option "${poll.correctOptionId}"`)
    }
  })
}

/** The template format, version 1 (see the module comment). */
export const templateSchema = templateObject.superRefine(checkReferences)

/** A validated template, with defaults filled in. */
export type Template = z.output<typeof templateSchema>
/** What a template file may hold before defaults (`locked`, `mode`, `items`…) are filled in. */
export type TemplateInput = z.input<typeof templateSchema>

/** What `GET /api/templates` lists for each template (docs/api.md, Templates). */
export interface TemplateSummary {
  id: string
  title: LocalizedText
  description: LocalizedText
  category: TemplateCategory
}
