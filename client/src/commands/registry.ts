import { arrangeCommands } from './arrange.js'
import { copy, cut, paste } from './clipboard.js'
import { createNote, createWideNote, toolCommands } from './create.js'
import {
  deleteSelection,
  deselect,
  duplicate,
  editText,
  group,
  selectAll,
  setColor,
  setShape,
  setTags,
  toggleLock,
  ungroup,
} from './edit.js'
import { openHelp, openPalette, openSearch, redo, undo } from './history.js'
import { type KeyLike, matchesShortcut } from './shortcuts.js'
import type { Command, CommandArgs, CommandContext } from './types.js'
import { viewCommands } from './view.js'

/** Command ids are open: other features contribute commands of their own. */
export type CommandId = string

/**
 * The one list of things a person can do. Keyboard, toolbar, context menu, command palette,
 * help sheet, canvas gestures and tests all go through it, so a command's label, shortcut and
 * enablement are defined exactly once.
 */
export class CommandRegistry {
  private readonly byId = new Map<string, Command>()

  constructor(commands: Iterable<Command>) {
    for (const command of commands) {
      if (this.byId.has(command.id)) throw new Error(`duplicate command id: ${command.id}`)
      this.byId.set(command.id, command)
    }
  }

  get(id: CommandId): Command {
    const command = this.byId.get(id)
    if (!command) throw new Error(`unknown command: ${id}`)
    return command
  }

  has(id: CommandId): boolean {
    return this.byId.has(id)
  }

  list(): Command[] {
    return [...this.byId.values()]
  }

  isEnabled(id: CommandId, ctx: CommandContext): boolean {
    return this.get(id).enabled(ctx)
  }

  /** Runs the command if enabled; returns whether it ran. */
  run(id: CommandId, ctx: CommandContext, args?: CommandArgs): boolean {
    const command = this.get(id)
    if (!command.enabled(ctx)) return false
    command.run(ctx, args)
    return true
  }

  /** The command a key press triggers, if any (clipboard shortcuts belong to the browser's events). */
  forKey(event: KeyLike): Command | undefined {
    return this.list().find(
      (command) => !command.clipboardEvent && command.shortcuts?.some((s) => matchesShortcut(event, s)),
    )
  }

  /** Keyboard entry point: runs the matching enabled command; returns true when the key was used. */
  handleKey(event: KeyLike, ctx: CommandContext): boolean {
    const command = this.forKey(event)
    if (!command?.enabled(ctx)) return false
    command.run(ctx, { big: event.shiftKey })
    return true
  }
}

/** Every editing command of the canvas, in the order the help sheet and the palette list them. */
export const editingCommands: readonly Command[] = [
  ...toolCommands,
  createNote,
  createWideNote,
  editText,
  copy,
  cut,
  paste,
  duplicate,
  deleteSelection,
  selectAll,
  deselect,
  setColor,
  setTags,
  setShape,
  toggleLock,
  group,
  ungroup,
  ...arrangeCommands,
  undo,
  redo,
  ...viewCommands,
  openPalette,
  openSearch,
  openHelp,
]

/** The registry of a board: the canvas commands plus those other features contribute. */
export function createRegistry(extra: readonly Command[] = []): CommandRegistry {
  return new CommandRegistry([...editingCommands, ...extra])
}
