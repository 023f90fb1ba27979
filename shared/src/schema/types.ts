/** Schema version of the board document written by this code (docs/canvas.md, Items). */
export const SCHEMA_VERSION = 1

export const ITEM_TYPES = ['note', 'text', 'shape', 'connector', 'frame', 'stroke', 'image'] as const
export type ItemType = (typeof ITEM_TYPES)[number]

/** Item types whose `text` key holds a Y.Text. */
export const TEXT_ITEM_TYPES: ReadonlySet<ItemType> = new Set(['note', 'text', 'shape', 'frame'])

export const SHAPE_KINDS = ['rectangle', 'ellipse', 'diamond'] as const
export type ShapeKind = (typeof SHAPE_KINDS)[number]

export interface BoardMeta {
  schemaVersion: number
  title: string
  templateId?: string
  /** The board this one was imported from (a backup): its people may take their identity back. */
  importedFrom?: string
}

/**
 * Keys an item may carry besides its geometry. All optional and additive to schema v1: readers
 * that do not know a key ignore it.
 */
export interface ItemProps {
  color?: string
  /** Fractional index for z-order; items without one sort by creation time, then id. */
  z?: string
  /** Stable id of the person who created the item (their personId). */
  author?: string
  createdAt?: number
  /** Only facilitators may move, edit, delete or unlock it (the relay enforces this). */
  locked?: boolean
  /** Outline of a shape item. */
  shape?: ShapeKind
  /** Item ids a connector joins. */
  from?: string
  to?: string
  /** Degrees, clockwise, around the item's centre. */
  rotation?: number
  /** Labels on a note. */
  tags?: string[]
  /** A stroke's points, flat [x0, y0, x1, y1…], relative to (x, y). */
  points?: number[]
  /** URL of an image item's file, served by the relay to board members. */
  src?: string
  /** Items sharing a group id are selected and moved together. */
  groupId?: string
  /** Line width of a stroke, in board units (a highlighter is wide and translucent). */
  strokeWidth?: number
  /** A frame's named places (a journey's stages, the marks of a scale): a phone offers them. */
  zones?: FrameZone[]
  /**
   * A template's note showing what to write (« Ex. : … », « Je maîtrise déjà… »): not an idea, so
   * never a vote's candidate. Editing its text makes it someone's idea; a copy is never one.
   */
  example?: boolean
}

/**
 * A named point of a frame (« Plutôt ouverte » on a scale, « 2. Faire la demande » in a journey),
 * as fractions of the frame's width and height: where a phone puts an idea its author placed
 * there, since a phone does not show the board (see `schema/zones.ts`).
 */
export interface FrameZone {
  title: string
  x: number
  y: number
}

/** Plain, immutable view of one item of `doc.getMap('items')`. */
export interface ItemSnapshot extends ItemProps {
  id: string
  type: ItemType
  x: number
  y: number
  w: number
  h: number
  /** Plain text of the item's Y.Text, for the types that carry one. */
  text?: string
}

/** What a caller gives to create an item; text container and defaults come from the schema. */
export interface ItemInit extends ItemProps {
  /** Chosen id (templates need ids known in advance); a fresh random id otherwise. */
  id?: string
  type: ItemType
  x: number
  y: number
  w?: number
  h?: number
  text?: string
}

export type ItemPatch = Partial<
  Pick<ItemSnapshot, 'x' | 'y' | 'w' | 'h'> & Omit<ItemProps, 'author' | 'createdAt'>
>
