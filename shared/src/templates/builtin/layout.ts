import type { z } from 'zod'
import { NOTE_COLORS, type NoteColorId } from '../../schema/colors.js'
import type { templateFrameSchema, templateItemSchema } from '../format.js'

/**
 * Small helpers the built-in templates share so their grids line up. They only build plain
 * data: serialised, a built-in template is an ordinary template file a lab can copy.
 */

export type FrameInput = z.input<typeof templateFrameSchema>
/** A named place of a frame (a stage, a mark of a scale), as fractions of the frame. */
export type FrameZoneInput = NonNullable<FrameInput['zones']>[number]
export type ItemInput = z.input<typeof templateItemSchema>
type Bilingual = { fr: string; en: string }

/** `{ fr, en }` — French first. */
export const t = (fr: string, en: string): Bilingual => ({ fr, en })

/** Fields every built-in template shares. */
export const BUILTIN_META = {
  formatVersion: 1,
  author: 'Atelier',
  licence: 'CC-BY-SA-4.0',
  version: '1.0.0',
} as const

/** Sticky-note colours by name (the `NOTE_COLORS` palette). */
export const NOTE = Object.fromEntries(NOTE_COLORS.map((c) => [c.id, c.value])) as Record<NoteColorId, string>

/** Soft frame backgrounds, one per note colour, light enough for any note to stand out. */
export const FRAME = {
  yellow: '#fff9db',
  orange: '#fff4e6',
  pink: '#fff0f6',
  violet: '#f3f0ff',
  blue: '#e7f5ff',
  green: '#ebfbee',
  grey: '#f8f9fa',
} as const satisfies Record<NoteColorId, string>

/** The grid: columns 560 wide, 40 apart; frames start below a 80-high title. */
const COLUMN = 560
export const GAP = 40
export const PAD = 40
export const NOTE_SIZE = 200
export const TOP = 120

/** x of the `i`-th column of width `width`. */
export const col = (i: number, width = COLUMN): number => i * (width + GAP)

/** Total width of `n` columns of width `width`. */
export const span = (n: number, width = COLUMN): number => n * width + (n - 1) * GAP

/** A factory of frames laid out as the columns of one row, all `h` high, starting at `y`. */
export function columns(h: number, y = TOP) {
  return (i: number, id: string, title: [string, string], color: string): FrameInput => ({
    id,
    title: t(...title),
    x: col(i),
    y,
    w: span(1),
    h,
    color,
  })
}

/** The template's title, a locked text above the frames. */
export function heading(id: string, text: Bilingual, w: number, x = 0, y = 0): ItemInput {
  return { id, type: 'text', x, y, w, h: 80, text, locked: true }
}

/** The locked instruction at the top of a frame; its id is `<frame id>-consigne`. */
export function instruction(frame: FrameInput, text: Bilingual, h = 120): ItemInput {
  return {
    id: `${frame.id}-consigne`,
    type: 'text',
    frameId: frame.id,
    x: frame.x + PAD,
    y: frame.y + 24,
    w: frame.w - 2 * PAD,
    h,
    text,
    locked: true,
  }
}

interface Placement {
  w?: number
  h?: number
  locked?: boolean
  /** A note showing what to write, or a slot to fill (« Nom du scénario »): never a vote's candidate. */
  example?: boolean
}

/** A note at (`dx`, `dy`) from the frame's top-left corner. */
export function note(
  id: string,
  frame: FrameInput,
  dx: number,
  dy: number,
  text: Bilingual,
  color: string,
  { w = NOTE_SIZE, h = NOTE_SIZE, locked = false, example }: Placement = {},
): ItemInput {
  return {
    id,
    type: 'note',
    frameId: frame.id,
    x: frame.x + dx,
    y: frame.y + dy,
    w,
    h,
    text,
    color,
    locked,
    ...(example ? { example } : {}),
  }
}

/** A locked text at (`dx`, `dy`) from the frame's top-left corner. */
export function label(
  id: string,
  frame: FrameInput,
  dx: number,
  dy: number,
  w: number,
  h: number,
  text: Bilingual,
): ItemInput {
  return { id, type: 'text', frameId: frame.id, x: frame.x + dx, y: frame.y + dy, w, h, text, locked: true }
}

type Box = { id: string; x: number; y: number; w: number; h: number }

/**
 * A locked arrow from one frame or item to another. Its box runs from the facing edges of the
 * two (side by side: the gap between them; one above the other: the gap below the first).
 */
export function arrow(id: string, from: Box, to: Box, frameId?: string): ItemInput {
  const sideBySide = to.x >= from.x + from.w
  const box = sideBySide
    ? { x: from.x + from.w, y: Math.round(from.y + from.h / 2), w: to.x - from.x - from.w, h: 1 }
    : {
        x: Math.round(Math.min(from.x + from.w / 2, to.x + to.w / 2)),
        y: from.y + from.h,
        w: Math.max(1, Math.abs(to.x + to.w / 2 - (from.x + from.w / 2))),
        h: to.y - from.y - from.h,
      }
  return {
    id,
    type: 'connector',
    ...(frameId ? { frameId } : {}),
    ...box,
    w: Math.max(1, box.w),
    h: Math.max(1, box.h),
    from: from.id,
    to: to.id,
    locked: true,
  }
}
