import type { Insets, Size } from '@atelier/shared'

/**
 * What floats over the board's edges, in screen pixels: a view fitted to the whole screen had the
 * top of its content under the bars and its right side under the panel. One place for the views
 * that frame something (the board as it opens, a summoned frame).
 */
/** The top bar, and the session bar under it (timer, step). */
const TOP_BARS = 120
/** A running step's instruction, under the session bar. */
const STEP_INSTRUCTION = 112
/** The reactions bar and the zoom buttons. */
const BOTTOM_BARS = 96
/** The tools on the left; the same margin on the right. */
const SIDE = 72
/** Screens this narrow or narrower are phones held upright (participants get the room first). */
export const PHONE_MAX_WIDTH = 600
/** On a phone, the sides need no more than a finger's margin. */
const PHONE_SIDE = 16
/** From this width the right-hand panel (320 px and its margins) floats over the board. */
export const PANEL_SCREEN = 1100
const PANEL_SIDE = 344

export interface ChromeOptions {
  /** A panel on the right: the facilitator's, or the results card. */
  panel: boolean
  /** A running step's instruction under the session bar. */
  instruction: boolean
}

/** The screen pixels to keep clear on each side of what a view frames. */
export function chromeInsets(viewport: Size, { panel, instruction }: ChromeOptions): Insets {
  const side = viewport.width <= PHONE_MAX_WIDTH ? PHONE_SIDE : SIDE
  return {
    top: TOP_BARS + (instruction ? STEP_INSTRUCTION : 0),
    bottom: BOTTOM_BARS,
    left: side,
    right: panel && viewport.width >= PANEL_SCREEN ? PANEL_SIDE : side,
  }
}
