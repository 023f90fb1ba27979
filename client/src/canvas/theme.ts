/** Values the canvas and the HTML note editor must share exactly, so editing does not jump. */
export const NOTE_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Noto Sans", "Helvetica Neue", Arial, sans-serif'
export const NOTE_PADDING = 14
export const NOTE_LINE_HEIGHT = 1.25
export const NOTE_RADIUS = 6
export const SELECTION_COLOR = '#3b5bdb'
export const MIN_NOTE_SIZE = 60
export const GRID_SPACING = 24
