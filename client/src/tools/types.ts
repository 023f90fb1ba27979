import type { Point } from '@atelier/shared'
import type { CommandRegistry } from '../commands/registry.js'
import type { CommandContext } from '../commands/types.js'

/** One pointer event as a tool sees it: screen and board positions, no DOM. */
export interface ToolPointer {
  screen: Point
  board: Point
  shiftKey: boolean
  /** Touch drags on empty space pan (one finger scrolls, as on any phone page). */
  pointerType: 'mouse' | 'pen' | 'touch'
}

export interface ToolEnv {
  ctx: CommandContext
  registry: CommandRegistry
  /** Name of the n-th new frame, in the person's language ("Section 3"). */
  frameTitle?: (n: number) => string
}

/**
 * A tool is a small state machine driven by pointer events; it reads the stores and writes
 * through store methods and commands only, so tests drive it headless.
 */
export interface Tool {
  readonly state: string
  /** Returns 'pan' when the press should pan the board instead (touch on empty space). */
  down(p: ToolPointer): 'pan' | undefined
  move(p: ToolPointer): void
  up(p: ToolPointer): void
  cancel(): void
}

/** Screen pixels a press may wander before it counts as a drag rather than a click. */
export const DRAG_THRESHOLD = 4
