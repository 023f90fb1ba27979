import type { OpenPollRequest, Point, ShapeKind } from '@atelier/shared'
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
  /** Facilitators may move and edit locked items (the relay enforces it for everyone else). */
  facilitator?: boolean
  /** Uploads an image file and resolves with the `src` to store (absent: images cannot be added). */
  uploadImage?: (file: Blob) => Promise<string>
  /** The URL to load an image item's `src` from (adds the board token the relay requires). */
  imageUrl?: (src: string) => string
}

/** Where a command's clipboard data goes or comes from (a ClipboardEvent's clipboardData). */
export interface ClipboardLike {
  getData(type: string): string
  setData(type: string, value: string): void
  readonly files?: ArrayLike<File>
}

export interface CommandArgs {
  /** Board point where the command applies (double-click, click with the note tool, drop). */
  at?: Point
  color?: string
  tags?: readonly string[]
  shape?: ShapeKind
  /** Shift held with the key (nudges move 10 units instead of 1). */
  big?: boolean
  clipboard?: ClipboardLike
  /** What the person picked in a panel: a step, a reaction, a vote round. */
  choice?: string
  /** A number the person picked in a panel (a timer's minutes). */
  amount?: number
  /** The poll a panel launches, as the relay takes it. */
  poll?: OpenPollRequest
}

/** Where a command is listed in the help sheet, the palette and the context menu, in this order. */
export const COMMAND_GROUPS = [
  'tools',
  'create',
  'edit',
  'arrange',
  'history',
  'view',
  'facilitation',
  'export',
  'help',
] as const
export type CommandGroup = (typeof COMMAND_GROUPS)[number]

export interface Command {
  id: string
  /** i18n key of the command's name, used for buttons, menus, tooltips and aria-labels. */
  labelKey: string
  group: CommandGroup
  shortcuts?: readonly Shortcut[]
  /** Listed in the right-click menu (when enabled). */
  contextMenu?: boolean
  /**
   * The browser's own clipboard event carries this shortcut (Ctrl+C/X/V): the key is shown in
   * help but not captured, so the copy/paste event with its clipboard data still fires.
   */
  clipboardEvent?: 'copy' | 'cut' | 'paste'
  /** Runs only with arguments a panel gives (a colour, a step): left out of the palette. */
  needsArgs?: boolean
  /** A button of this command is left out while it is disabled, instead of greyed. */
  hideWhenDisabled?: boolean
  /**
   * While this command is enabled it runs in place of the command with this id, whatever asks
   * for that one (its key, a gesture, a tool): private writing takes "add a note" this way.
   */
  replaces?: string
  /** Tells when `enabled` may have changed, for state the board's stores do not hold (a session). */
  watch?(listener: () => void): () => void
  /**
   * i18n key of what the person is told when its run fails (the promise it returned rejects);
   * default `errors.commandFailed`, which names the command.
   */
  failureKey?: string
  enabled(ctx: CommandContext): boolean
  /**
   * Does it. A promise (a request to the server) makes the command busy until it settles: it does
   * not run again meanwhile, its buttons show it, and a rejection is shown to the person.
   */
  run(ctx: CommandContext, args?: CommandArgs): void | Promise<void>
}
