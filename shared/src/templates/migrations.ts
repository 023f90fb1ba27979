import { TEMPLATE_FORMAT_VERSION } from './format.js'

/** A template file as read from JSON, before validation. */
type RawTemplate = Record<string, unknown>

/**
 * One migration: `up` takes a file at `version - 1` to `version`. It receives a private copy
 * and may change it in place; it returns the migrated object.
 */
interface TemplateMigration {
  version: number
  description: string
  up(raw: RawTemplate): RawTemplate
}

function isRecord(value: unknown): value is RawTemplate {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A French-only string of a version-0 file becomes `{ fr, en }`, the English left to translate. */
function bilingual(value: unknown): unknown {
  return typeof value === 'string' ? { fr: value, en: value } : value
}

function eachRecord(value: unknown, fn: (entry: RawTemplate) => void): void {
  if (Array.isArray(value)) for (const entry of value) if (isRecord(entry)) fn(entry)
}

function localize(entry: RawTemplate, ...keys: string[]): void {
  for (const key of keys) if (key in entry) entry[key] = bilingual(entry[key])
}

/**
 * Version 0 is the draft format labs wrote before the format was versioned: no
 * `formatVersion`, French-only plain strings for texts, and agenda durations in `duration`.
 * Plain strings are copied to both languages (the English then reads as French until a
 * translator passes by) so no file a lab already has stops loading.
 */
const formatV1: TemplateMigration = {
  version: 1,
  description: 'versioned format: bilingual texts, agenda durationMinutes',
  up(raw) {
    localize(raw, 'title', 'description', 'facilitation')
    eachRecord(raw.frames, (frame) => localize(frame, 'title'))
    eachRecord(raw.items, (item) => localize(item, 'text'))
    eachRecord(raw.agenda, (step) => {
      localize(step, 'title', 'instructions')
      if (!('durationMinutes' in step) && 'duration' in step) {
        step.durationMinutes = step.duration
        delete step.duration
      }
      if (isRecord(step.poll)) {
        localize(step.poll, 'question')
        eachRecord(step.poll.options, (option) => localize(option, 'label'))
      }
    })
    eachRecord(raw.decks, (deck) => {
      localize(deck, 'title')
      eachRecord(deck.cards, (card) => localize(card, 'title', 'prompt'))
    })
    return raw
  },
}

/** Ordered, gap-free list; the last entry's version is TEMPLATE_FORMAT_VERSION (checked by tests). */
export const templateMigrations: readonly TemplateMigration[] = [formatV1]

/** The format version a raw file declares: 0 when absent; NaN when it is not a whole number. */
export function formatVersionOf(raw: unknown): number {
  if (!isRecord(raw) || raw.formatVersion === undefined) return 0
  const version = raw.formatVersion
  return typeof version === 'number' && Number.isInteger(version) ? version : Number.NaN
}

/**
 * Brings a raw template file up to TEMPLATE_FORMAT_VERSION, without touching its argument.
 * Anything it cannot migrate (not an object, a version that is not a whole number or is newer
 * than this code) is returned as is, for validation to reject with a precise message.
 */
export function migrateTemplateJson(raw: unknown): unknown {
  const from = formatVersionOf(raw)
  if (!isRecord(raw) || !(from >= 0 && from < TEMPLATE_FORMAT_VERSION)) return raw
  let current: RawTemplate = structuredClone(raw)
  for (const migration of templateMigrations) {
    if (migration.version <= from) continue
    current = migration.up(current)
    current.formatVersion = migration.version
  }
  return current
}
