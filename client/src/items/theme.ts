/**
 * How items look: values the canvas, the HTML editors and the pictures must share exactly, so
 * editing does not jump. The board's text is set in Noto Sans, bundled with the app and embedded
 * in exported pictures (see `exports/image/boardFont.ts`), so a board reads the same on every
 * machine and in its exports.
 */
export const NOTE_FONT_FAMILY =
  '"Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif'
export const NOTE_PADDING = 14
export const NOTE_LINE_HEIGHT = 1.25
export const NOTE_RADIUS = 6
export const SELECTION_COLOR = '#3b5bdb'
export const INK = '#1f2933'
export const CONNECTOR_COLOR = '#495057'
export const FRAME_FILL = '#ffffff'
export const FRAME_STROKE = '#ced4da'
export const FRAME_TITLE_COLOR = '#495057'
/** A stroke this wide or wider is a highlighter: translucent, blended under the ink. */
export const HIGHLIGHTER_MIN_WIDTH = 12
