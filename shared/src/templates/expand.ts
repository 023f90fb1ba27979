import type * as Y from 'yjs'
import type { Point, Rect } from '../geometry/rect.js'
import { boundsOf } from '../geometry/rect.js'
import { createItem, itemsMap } from '../schema/board.js'
import { type ClonedItems, cloneItems } from '../schema/clone.js'
import { randomId } from '../schema/ids.js'
import { type FrameZone, ITEM_TYPES, type ItemType, type ShapeKind } from '../schema/types.js'
import { readParticipantTools, TOOL_PRESETS, type WritingToolId } from '../session/permissions.js'
import type { AgendaStep } from '../session/types.js'
import type {
  Lang,
  LocalizedText,
  Template,
  TemplateCategory,
  TemplateGamification,
  TemplateStepTools,
  TemplateSummary,
} from './format.js'

/** A step's tools as the session state holds them: a preset's list, or the list in canonical order. */
export function stepTools(tools: TemplateStepTools): WritingToolId[] {
  return typeof tools === 'string' ? [...TOOL_PRESETS[tools]] : readParticipantTools(tools)
}

export interface ExpandOptions {
  /** Board position of the template origin. */
  origin: Point
  lang: Lang
  /** Id generator; defaults to `randomId`. Pass a seeded one for deterministic output. */
  newId?: () => string
}

/** One board item, in absolute coordinates, with its board id. */
export interface ExpandedItem {
  id: string
  type: ItemType
  x: number
  y: number
  w: number
  h: number
  text?: string
  color?: string
  locked?: boolean
  /** Board id of the frame the item belongs to. */
  frameId?: string
  shape?: ShapeKind
  /** Connector ends: board ids of frames or items. */
  from?: string
  to?: string
  /** A note showing what to write, not an idea. */
  example?: boolean
  /** A frame's named places, titled in the board's language. */
  zones?: FrameZone[]
  /** Z-order key: frames below, then items in template order (see `orderKey`). */
  z: string
}

/**
 * A step ready for the session document: a session `AgendaStep` (so `replaceAgenda` takes it
 * as is) whose frame is always set, plus the deck a template may attach.
 */
interface ExpandedStep extends AgendaStep {
  /** Board id of the frame item everyone is brought to. */
  frameId: string
  /** Board ids of the frames locked while the step runs. */
  lockFrameIds?: string[]
  /** Board ids of the step's other frames. */
  moreFrameIds?: string[]
  /** Id of a deck of this expansion offered during the step. */
  deckId?: string
}

export interface ExpandedDeck {
  id: string
  title: string
  cards: Array<{ id: string; title: string; prompt: string }>
}

/** A template placed on a board in one language: plain data, ready for `applyExpansion`. */
export interface TemplateExpansion {
  templateId: string
  lang: Lang
  title: string
  facilitation: string
  items: ExpandedItem[]
  agenda: ExpandedStep[]
  decks: ExpandedDeck[]
  gamification?: TemplateGamification
  /** Absolute bounds of everything placed. */
  bounds: Rect
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * The `index`-th z-order key: `a0`…`az`, then `b00`…`bzz`. Keys sort by plain string
 * comparison and are valid keys of the `fractional-indexing` scheme, so a client can insert
 * between or after them.
 */
export function orderKey(index: number): string {
  if (index < 62) return `a${DIGITS[index]}`
  const rest = index - 62
  if (rest >= 62 * 62) throw new RangeError('too many items for one template')
  return `b${DIGITS[Math.floor(rest / 62)]}${DIGITS[rest % 62]}`
}

/** Bounds of a template's frames and items, relative to its origin. */
export function templateBounds(template: Template): Rect {
  return boundsOf([...template.frames, ...template.items]) ?? { x: 0, y: 0, w: 0, h: 0 }
}

/** The origin that centres a template on `center` (e.g. the middle of the viewport). */
export function originCentredOn(template: Template, center: Point): Point {
  const b = templateBounds(template)
  return { x: Math.round(center.x - b.x - b.w / 2), y: Math.round(center.y - b.y - b.h / 2) }
}

/** What `GET /api/templates` lists (docs/api.md, Templates): exactly these four keys. */
export function summaryOf(template: Template): TemplateSummary {
  const copy = (t: LocalizedText) => ({ fr: t.fr, en: t.en })
  return {
    id: template.id,
    title: copy(template.title),
    description: copy(template.description),
    category: template.category as TemplateCategory,
  }
}

/**
 * Places a validated template on a board: absolute coordinates, text in `lang`, fresh ids on
 * every call (frames, items, steps, decks, cards), every reference remapped. Pure: no document
 * is touched; `applyExpansion` writes the result.
 */
export function expandTemplate(template: Template, options: ExpandOptions): TemplateExpansion {
  const { origin, lang } = options
  const newId = options.newId ?? (() => randomId())
  const pick = (text: LocalizedText) => text[lang]

  // The items are laid out under their local ids, then copied with fresh ids by the one
  // `cloneItems`, which remaps frames, items and connector ends together, in file order.
  let z = 0
  const laidOut: ExpandedItem[] = []
  for (const frame of template.frames) {
    laidOut.push({
      id: frame.id,
      type: 'frame',
      x: origin.x + frame.x,
      y: origin.y + frame.y,
      w: frame.w,
      h: frame.h,
      text: pick(frame.title),
      ...(frame.color ? { color: frame.color } : {}),
      locked: frame.locked,
      ...(frame.zones ? { zones: frame.zones.map((zone) => ({ ...zone, title: pick(zone.title) })) } : {}),
      z: orderKey(z++),
    })
  }
  for (const item of template.items) {
    laidOut.push({
      id: item.id,
      type: item.type,
      x: origin.x + item.x,
      y: origin.y + item.y,
      w: item.w,
      h: item.h,
      ...(item.text ? { text: pick(item.text) } : {}),
      ...(item.color ? { color: item.color } : {}),
      locked: item.locked,
      ...(item.frameId !== undefined ? { frameId: item.frameId } : {}),
      ...(item.shape ? { shape: item.shape } : {}),
      ...(item.from !== undefined ? { from: item.from } : {}),
      ...(item.to !== undefined ? { to: item.to } : {}),
      ...(item.example ? { example: true } : {}),
      z: orderKey(z++),
    })
  }
  let cloned: ClonedItems<ExpandedItem>
  try {
    cloned = cloneItems(laidOut, { newId, outside: 'throw' })
  } catch (error) {
    throw new Error(`template ${template.id}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const { items, ids } = cloned
  for (const step of template.agenda) ids.set(step.id, newId())
  for (const deck of template.decks) ids.set(deck.id, newId())
  const at = (localId: string): string => {
    const id = ids.get(localId)
    if (id === undefined) throw new Error(`template ${template.id}: unknown local id "${localId}"`)
    return id
  }

  const decks: ExpandedDeck[] = template.decks.map((deck) => ({
    id: at(deck.id),
    title: pick(deck.title),
    cards: deck.cards.map((card) => ({ id: newId(), title: pick(card.title), prompt: pick(card.prompt) })),
  }))

  const agenda: ExpandedStep[] = template.agenda.map((step) => {
    const out: ExpandedStep = {
      id: at(step.id),
      title: pick(step.title),
      instructions: pick(step.instructions),
      durationMinutes: step.durationMinutes,
      frameId: at(step.frameId),
      mode: step.mode,
    }
    if (step.moreFrames) out.moreFrameIds = step.moreFrames.map(at)
    if (step.revealInPlace !== undefined) out.revealInPlace = step.revealInPlace
    if (step.vote) out.vote = { ...step.vote }
    if (step.lockFrames) out.lockFrameIds = step.lockFrames.map(at)
    if (step.deckId !== undefined) out.deckId = at(step.deckId)
    if (step.tools !== undefined) out.participantTools = stepTools(step.tools)
    if (step.ownItemsOnly !== undefined) out.ownItemsOnly = step.ownItemsOnly
    if (step.poll) {
      const options = step.poll.options.map((o) => ({ local: o.id, id: newId(), label: pick(o.label) }))
      const correct = options.find((o) => o.local === step.poll?.correctOptionId)
      out.poll = {
        question: pick(step.poll.question),
        options: options.map(({ id, label }) => ({ id, label })),
        ...(correct ? { correctOptionId: correct.id } : {}),
      }
    }
    return out
  })

  const local = templateBounds(template)
  return {
    templateId: template.id,
    lang,
    title: pick(template.title),
    facilitation: pick(template.facilitation),
    items,
    agenda,
    decks,
    ...(template.gamification ? { gamification: { ...template.gamification } } : {}),
    bounds: { x: origin.x + local.x, y: origin.y + local.y, w: local.w, h: local.h },
  }
}

/** An expansion that cannot be written as is; nothing was written. */
export class ExpansionError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`cannot apply template expansion: ${errors.slice(0, 5).join('; ')}`)
    this.name = 'ExpansionError'
  }
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** Every problem that would leave a half-written or inconsistent board; empty when none. */
function checkExpansion(doc: Y.Doc, expansion: TemplateExpansion): string[] {
  const errors: string[] = []
  const kinds = new Map<string, ItemType>()
  expansion.items.forEach((item, i) => {
    const at = `items[${i}]`
    if (typeof item.id !== 'string' || item.id.length === 0)
      errors.push(`${at}.id: must be a non-empty string`)
    else if (kinds.has(item.id)) errors.push(`${at}.id: "${item.id}" appears twice`)
    else if (itemsMap(doc).has(item.id)) errors.push(`${at}.id: "${item.id}" is already on the board`)
    if (!(ITEM_TYPES as readonly string[]).includes(item.type))
      errors.push(`${at}.type: unknown type "${item.type}"`)
    for (const key of ['x', 'y'] as const) {
      if (!isFiniteNumber(item[key])) errors.push(`${at}.${key}: must be a finite number`)
    }
    for (const key of ['w', 'h'] as const) {
      if (!isFiniteNumber(item[key]) || item[key] <= 0) errors.push(`${at}.${key}: must be a positive number`)
    }
    kinds.set(item.id, item.type)
  })
  expansion.items.forEach((item, i) => {
    if (item.frameId !== undefined && kinds.get(item.frameId) !== 'frame') {
      errors.push(`items[${i}].frameId: "${item.frameId}" is not a frame of this expansion`)
    }
    for (const end of ['from', 'to'] as const) {
      const ref = item[end]
      if (ref !== undefined && !kinds.has(ref) && !itemsMap(doc).has(ref)) {
        errors.push(`items[${i}].${end}: "${ref}" is not on the board`)
      }
    }
  })
  expansion.agenda.forEach((step, i) => {
    if (kinds.get(step.frameId) !== 'frame') {
      errors.push(`agenda[${i}].frameId: "${step.frameId}" is not a frame of this expansion`)
    }
    step.moreFrameIds?.forEach((id, j) => {
      if (kinds.get(id) !== 'frame') errors.push(`agenda[${i}].moreFrameIds[${j}]: "${id}" is not a frame`)
    })
    step.lockFrameIds?.forEach((id, j) => {
      if (kinds.get(id) !== 'frame') errors.push(`agenda[${i}].lockFrameIds[${j}]: "${id}" is not a frame`)
    })
  })
  return errors
}

/**
 * Writes an expansion's items into `doc.getMap('items')` in ONE transaction, under the ids of
 * the expansion (so agenda steps keep pointing at their frames). All or nothing: the whole
 * expansion is checked first and an ExpansionError is thrown before anything is written.
 * The agenda, decks and gamification are returned as they are, for the session document.
 */
export function applyExpansion(doc: Y.Doc, expansion: TemplateExpansion, origin?: unknown): string[] {
  const errors = checkExpansion(doc, expansion)
  if (errors.length > 0) throw new ExpansionError(errors)
  const createdAt = Date.now()
  doc.transact(() => {
    for (const item of expansion.items) {
      const { id, ...init } = item
      const { frameId: _frame, ...props } = init
      createItem(doc, { ...props, id, createdAt })
    }
  }, origin)
  return expansion.items.map((item) => item.id)
}
