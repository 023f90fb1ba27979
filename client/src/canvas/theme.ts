/** The canvas's own look (item looks are in items/theme.ts). */
export const GUIDE_COLOR = '#e8590c'
export const GRID_SPACING = 24
/** Below this zoom the board is drawn as simple blocks (text is unreadable there anyway). */
export const FAR_ZOOM = 0.3
