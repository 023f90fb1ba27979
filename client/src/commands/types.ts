import type { Point } from '@atelier/shared'
import type { BoardStore } from '../store/BoardStore.js'
import type { ViewStore } from '../store/ViewStore.js'
import type { Shortcut } from './shortcuts.js'

/** Everything a command may touch. Built once per board; headless in tests. */
export interface CommandContext {
  board: BoardStore
  view: ViewStore
  /** Observers get a read-only board: writing commands report themselves disabled. */
  readOnly: boolean
  /** Presence id of this person, stamped on what they create. */
  author?: string
}

export interface CommandArgs {
  /** Board point where the command applies (double-click, click with the note tool). */
  at?: Point
  color?: string
}

export interface Command {
  id: string
  /** i18n key of the command's name, used for buttons, tooltips and aria-labels. */
  labelKey: string
  shortcuts?: readonly Shortcut[]
  enabled(ctx: CommandContext): boolean
  run(ctx: CommandContext, args?: CommandArgs): void
}
