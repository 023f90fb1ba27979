import { containingFrame } from '../geometry/containment.js'
import { boundsOf, type Rect } from '../geometry/rect.js'
import type { ItemSnapshot } from '../schema/types.js'
import { stepFrameIds } from '../session/doc.js'
import { presetOf } from '../session/permissions.js'
import type { AgendaStep } from '../session/types.js'
import {
  type Lang,
  type LocalizedText,
  TEMPLATE_FORMAT_VERSION,
  TEMPLATE_LIMITS,
  type Template,
  type TemplateCategory,
  type TemplateInput,
} from './format.js'
import { parseTemplate } from './parse.js'

/** What the person saving a board as a template tells about it. */
export interface CaptureOptions {
  /** Template id (a slug); `templateIdFrom(title)` makes one. */
  id: string
  title: string
  description: string
  category: TemplateCategory
  /** The language the board is written in; its texts are copied to the other one. */
  language: Lang
  author: string
  lab?: string
  /** Save only this frame and what lies in it; the whole board when absent. */
  frameId?: string
  /** Title of a frame that has none, and of the frame wrapping a board that has no frame. */
  untitledFrame: string
  /** The board's agenda (session document): steps on captured frames are saved with them. */
  agenda?: readonly AgendaStep[]
}

/** Items a template can hold: strokes and images stay on their board. */
const CAPTURED = new Set(['note', 'text', 'shape', 'connector', 'frame'])
/** Margin of the frame wrapped around a board that has none. */
const WRAP_MARGIN = 40
const COLOR = /^#[0-9a-fA-F]{6}$/

/** A lowercase slug from a title ("Rétro d'équipe" → "retro-d-equipe"), never empty. */
export function templateIdFrom(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '')
  return slug || 'modele'
}

const both = (text: string): LocalizedText => ({ fr: text, en: text })
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

/** The items to save: a frame and everything whose centre lies in it, or the whole board. */
function selectItems(items: readonly ItemSnapshot[], frameId: string | undefined): ItemSnapshot[] {
  const kept = items.filter((item) => CAPTURED.has(item.type))
  if (frameId === undefined) return kept
  const frame = kept.find((item) => item.id === frameId && item.type === 'frame')
  if (!frame) throw new Error(`frameId: "${frameId}" is not a frame of this board`)
  const frames = kept.filter((item) => item.type === 'frame')
  const inside = (item: ItemSnapshot): boolean => {
    let current = containingFrame(item, frames)
    while (current) {
      if (current.id === frame.id) return true
      current = containingFrame(current, frames)
    }
    return false
  }
  return kept.filter((item) => item.id === frame.id || inside(item))
}

/**
 * A template from a board's items (the whole board or one frame), in the template format:
 * geometry relative to the top-left corner, fresh local ids, texts in both languages (the
 * board's own language copied to the other), empty notes left out. A board without frames is
 * wrapped in one, since a template needs at least one. The agenda stays empty: it is written by
 * the facilitator in the session, not on the board. Throws a TemplateValidationError naming
 * the field when the options make an invalid template (an empty title…).
 */
export function captureTemplate(items: readonly ItemSnapshot[], options: CaptureOptions): Template {
  const selected = selectItems(items, options.frameId).filter(
    (item) => !((item.type === 'note' || item.type === 'text') && !item.text?.trim()),
  )
  const frames = selected.filter((item) => item.type === 'frame')
  const content = selected.filter((item) => item.type !== 'frame')
  const all = boundsOf(selected) ?? { x: 0, y: 0, w: 400, h: 300 }
  const wrap: Rect | null =
    frames.length > 0
      ? null
      : {
          x: all.x - WRAP_MARGIN,
          y: all.y - WRAP_MARGIN,
          w: all.w + 2 * WRAP_MARGIN,
          h: all.h + 2 * WRAP_MARGIN,
        }
  const origin = wrap ?? all

  const localIds = new Map<string, string>()
  const counters = new Map<string, number>()
  for (const item of selected) {
    const n = (counters.get(item.type) ?? 0) + 1
    counters.set(item.type, n)
    localIds.set(item.id, `${item.type}-${n}`)
  }
  const place = (item: Rect) => ({
    x: Math.round(item.x - origin.x),
    y: Math.round(item.y - origin.y),
    w: Math.max(1, Math.round(item.w)),
    h: Math.max(1, Math.round(item.h)),
  })
  const text = (value: string | undefined, max: number) => both(clip(value?.trim() ?? '', max))

  const templateFrames: TemplateInput['frames'] = wrap
    ? [{ id: 'frame-1', title: both(options.untitledFrame), ...place(wrap), locked: false }]
    : frames.map((frame) => ({
        id: localIds.get(frame.id) as string,
        title: frame.text?.trim() ? text(frame.text, TEMPLATE_LIMITS.title) : both(options.untitledFrame),
        ...place(frame),
        ...(frame.color && COLOR.test(frame.color) ? { color: frame.color } : {}),
        locked: frame.locked ?? true,
        ...(frame.zones ? { zones: frame.zones.map((zone) => ({ ...zone, title: both(zone.title) })) } : {}),
      }))

  const templateItems: NonNullable<TemplateInput['items']> = content.map((item) => {
    const parent = wrap ? null : containingFrame(item, frames)
    const from = item.from !== undefined ? localIds.get(item.from) : undefined
    const to = item.to !== undefined ? localIds.get(item.to) : undefined
    return {
      id: localIds.get(item.id) as string,
      type: item.type as 'note' | 'text' | 'shape' | 'connector',
      ...(wrap ? { frameId: 'frame-1' } : parent ? { frameId: localIds.get(parent.id) } : {}),
      ...place(item),
      ...(item.text?.trim() && item.type !== 'connector'
        ? { text: text(item.text, TEMPLATE_LIMITS.text) }
        : {}),
      ...(item.color && COLOR.test(item.color) ? { color: item.color } : {}),
      locked: item.locked ?? false,
      ...(item.type === 'shape' && item.shape ? { shape: item.shape } : {}),
      ...(item.type === 'note' && item.example ? { example: true } : {}),
      // A connector keeps the ends that were saved with it.
      ...(item.type === 'connector' && from ? { from } : {}),
      ...(item.type === 'connector' && to ? { to } : {}),
    }
  })

  // Steps that bring everyone to a captured frame travel with it; the others stay on their board.
  const templateAgenda: NonNullable<TemplateInput['agenda']> = (options.agenda ?? [])
    .filter((step) => step.frameId !== undefined && localIds.has(step.frameId) && !wrap)
    .map((step, index) => {
      const locked = (step.lockFrameIds ?? []).flatMap((id) => localIds.get(id) ?? [])
      const [, ...more] = stepFrameIds(step).flatMap((id) => localIds.get(id) ?? [])
      return {
        id: `step-${index + 1}`,
        title: text(step.title, TEMPLATE_LIMITS.title),
        instructions: both(clip(step.instructions.trim() || step.title.trim(), TEMPLATE_LIMITS.text)),
        durationMinutes: step.durationMinutes,
        frameId: localIds.get(step.frameId as string) as string,
        ...(more.length > 0 ? { moreFrames: more } : {}),
        mode: step.mode,
        ...(step.revealInPlace !== undefined && step.mode === 'revealed'
          ? { revealInPlace: step.revealInPlace }
          : {}),
        ...(step.vote ? { vote: step.vote } : {}),
        ...(locked.length > 0 ? { lockFrames: locked } : {}),
        ...(step.participantTools && step.participantTools.length > 0
          ? { tools: presetOf(step.participantTools) ?? step.participantTools }
          : {}),
        ...(step.ownItemsOnly !== undefined ? { ownItemsOnly: step.ownItemsOnly } : {}),
      }
    })
  const agendaMinutes = templateAgenda.reduce((sum, step) => sum + step.durationMinutes, 0)

  const title = clip(options.title.trim(), TEMPLATE_LIMITS.title)
  const description = clip(options.description.trim() || title, TEMPLATE_LIMITS.text)
  return parseTemplate({
    formatVersion: TEMPLATE_FORMAT_VERSION,
    id: options.id,
    title: both(title),
    description: both(description),
    category: options.category,
    language: options.language,
    author: options.author.trim() || options.lab?.trim() || 'Atelier',
    ...(options.lab?.trim() ? { lab: options.lab.trim() } : {}),
    licence: 'CC-BY-SA-4.0',
    version: '1.0.0',
    facilitation: both(description),
    participants: { min: 1, max: 50 },
    durationMinutes: agendaMinutes > 0 ? agendaMinutes : 60,
    frames: templateFrames,
    items: templateItems,
    ...(templateAgenda.length > 0 ? { agenda: templateAgenda } : {}),
  } satisfies TemplateInput)
}
