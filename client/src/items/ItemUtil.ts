import type { ConnectorEnd, ItemPatch, ItemSnapshot, ItemType, Point, Rect } from '@atelier/shared'
import type { ComponentType } from 'react'
import type { BoardStore } from '../store/BoardStore.js'
import type { PaintLayer } from '../store/order.js'
import type { ViewStore } from '../store/ViewStore.js'

/**
 * Everything the editor, the canvas and the pictures know about one item type, in one object (as
 * tldraw's ShapeUtil). Code outside `items/` asks the registry (`itemUtil(item.type)`) instead of
 * branching on the type, so adding a type is one folder here plus the schema in `shared/`.
 */
export interface ItemUtil {
  readonly type: ItemType
  /** Whether its items paint beneath all others (a section, behind what it holds) or among them. */
  readonly layer: PaintLayer

  /** The outline an arrow's end sits on (ellipses and diamonds use their own); null: arrows cannot join it. */
  outline(item: ItemSnapshot): ConnectorEnd | null
  /** Ids of the items it is drawn between (a connector's two ends); empty when it stands on its own. */
  ends(item: ItemSnapshot): readonly string[]
  /** The rectangle it paints into (title, line width and rotation included); null: it takes no room of its own. */
  paintedBounds(item: ItemSnapshot): Rect | null
  /** Whether `point` (board units) is on the item. */
  hitTest(item: ItemSnapshot, point: Point, ctx: HitContext): boolean
  /** How the selection handles resize it; null: it has no handles (it follows other items). */
  readonly resize: ResizeRule | null
  /** How the marquee selects it: wholly `contain`ed, any `intersect`ion, or never (null). */
  readonly marquee: 'contain' | 'intersect' | null
  /** Whether other items' drags snap to its edges. */
  readonly snapTarget: boolean

  /** Its Konva view on the canvas, given the item as drawn right now (drag and resize applied). */
  readonly View: ComponentType<ItemViewProps>
  /** Its outline in the selection colour, for the selection and for what a creation tool draws. */
  readonly Indicator: ComponentType<IndicatorProps>
  /** How it looks while a creation tool draws it, when not as its indicator (a pen line, a dashed arrow). */
  readonly Draft?: ComponentType<DraftProps>
  /** Whether it takes its colour from the note palette (the style bar's swatches, said aloud by screen readers). */
  readonly colorable: boolean
  /** How its text is edited in place; none: it has no text to edit. */
  readonly textEditing?: TextEditing
  /** How the far view (below 30 % zoom, the minimap) draws it straight on a 2D context. */
  readonly far: FarDrawing
  /** Its SVG, for exports, template thumbnails and history previews alike. */
  toSvg(item: ItemSnapshot, ctx: SvgContext): string
}

/**
 * The in-place editor: a textarea laid exactly over the item (`box`: same font, size, padding and
 * alignment as the view), or a one-line field over a section's title (`title`).
 */
export type TextEditing =
  | { kind: 'title'; labelKey: string }
  | {
      kind: 'box'
      /** i18n key of the editor's accessible name. */
      labelKey: string
      style: TextStyle
      /** Its text box as the view lays it out (font size, padding), which the editor matches. */
      textBox(item: ItemSnapshot): TextBox
      /** The paper behind the text while editing (a note's colour); none: transparent. */
      background?(item: ItemSnapshot): string
      /** Left without text when editing ends, the item goes (nothing else would show it). */
      removeWhenEmpty?: boolean
    }

export interface HitContext {
  zoom: number
  /** Screen tolerance in board units (a few pixels whatever the zoom). */
  tolerance: number
  lookup(id: string): ItemSnapshot | undefined
}

export interface ResizeRule {
  /** Keeps its aspect ratio whatever the modifier keys (pictures). */
  keepRatio: boolean
  /** Keys besides the box that follow a resize from `from` to `to` (a stroke's points scale). */
  scale?(item: ItemSnapshot, from: Rect, to: Rect): ItemPatch
}

export interface ItemViewProps {
  item: ItemSnapshot
  board: BoardStore
  view: ViewStore
  /** Being edited in place: the HTML editor shows the text instead. */
  editing: boolean
  /** Being dragged (a note's shadow lifts). */
  lifted: boolean
  imageUrl?: ((src: string) => string) | undefined
}

export interface IndicatorProps {
  item: ItemSnapshot
  lookup(id: string): ItemSnapshot | undefined
  /** One screen pixel in board units. */
  px: number
  /** Line width in screen pixels. */
  width: number
  /** Tinted inside (a creation tool's draft). */
  filled?: boolean
}

export interface DraftProps {
  draft: ItemSnapshot
  px: number
}

export interface FarContext {
  ctx: CanvasRenderingContext2D
  zoom: number
  /** The board area drawn: what lies outside may be skipped. */
  view: Rect
  lookup(id: string): ItemSnapshot | undefined
}

/**
 * The far view paints in passes so that one colour is one fill whatever the number of notes:
 * `under` (section backgrounds), then `block`s batched by colour, then `over` (lines), then `label`.
 */
export interface FarDrawing {
  under?(far: FarContext, item: ItemSnapshot): void
  /** Colour of the plain block standing for the item. */
  block?(item: ItemSnapshot): string
  over?(far: FarContext, item: ItemSnapshot): void
  /** Names readable from afar (not drawn in the minimap). */
  label?(far: FarContext, item: ItemSnapshot): void
}

/** A box of text as the canvas lays it out (the same props it gives Konva.Text). */
export interface TextBox {
  text: string
  width: number
  height: number
  padding: number
  fontSize: number
  lineHeight: number
  fontStyle?: 'normal' | '600'
  wrap: 'word' | 'none'
}

export interface TextStyle {
  align: 'left' | 'center'
  verticalAlign: 'top' | 'middle'
  color: string
}

/** What drawing an item as SVG needs besides the item itself. */
export interface SvgContext {
  /** Another item of the drawing (a connector's ends). */
  lookup(id: string): ItemSnapshot | undefined
  /** The image to draw for an image item's `src` (a data: URL, so the file stands alone); none: a placeholder. */
  imageHref(src: string): string | undefined
  /** A text box, drawn in the box's own coordinates: laid out as the canvas does, or as grey bars (thumbnails). */
  text(box: TextBox, style: TextStyle): string
  /**
   * Board units per pixel of the finished picture when it is scaled far down (thumbnails), so that
   * lines and titles stay visible; 0 when it is drawn near the board's own scale (exports).
   */
  unit: number
}
