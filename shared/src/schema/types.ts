/** Schema version of the board document written by this code (see CONTRACT.md). */
export const SCHEMA_VERSION = 1

export const ITEM_TYPES = ['note', 'text', 'shape', 'connector', 'frame', 'stroke', 'image'] as const
export type ItemType = (typeof ITEM_TYPES)[number]

/** Item types whose `text` key holds a Y.Text. */
export const TEXT_ITEM_TYPES: ReadonlySet<ItemType> = new Set(['note', 'text', 'shape', 'frame'])

export interface BoardMeta {
  schemaVersion: number
  title: string
  templateId?: string
}

/** Plain, immutable view of one item of `doc.getMap('items')`. */
export interface ItemSnapshot {
  id: string
  type: ItemType
  x: number
  y: number
  w: number
  h: number
  /** Plain text of the item's Y.Text, for the types that carry one. */
  text?: string
  color?: string
  /** Fractional index for z-order; items without one sort by id. */
  z?: string
  /** Stable id of the person who created the item (their presence id). */
  author?: string
  createdAt?: number
}

/** What a caller gives to create an item; id, text container and defaults come from the schema. */
export interface ItemInit {
  type: ItemType
  x: number
  y: number
  w?: number
  h?: number
  text?: string
  color?: string
  z?: string
  author?: string
}

export type ItemPatch = Partial<Pick<ItemSnapshot, 'x' | 'y' | 'w' | 'h' | 'color' | 'z'>>
