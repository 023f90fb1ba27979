import * as all from './commands.js'
import { type KeyLike, matchesShortcut } from './shortcuts.js'
import type { Command, CommandArgs, CommandContext } from './types.js'

export type CommandId =
  | 'createNote'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomToFit'
  | 'zoomTo100'
  | 'setColor'
  | 'selectAll'
  | 'deselect'
  | 'duplicate'
  | 'selectTool'
  | 'noteTool'

/**
 * The one list of things a person can do. Keyboard, toolbar, canvas gestures and tests all go
 * through it, so a command's label, shortcut and enablement are defined exactly once.
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

  /** The command a key press triggers, if any. */
  forKey(event: KeyLike): Command | undefined {
    return this.list().find((command) => command.shortcuts?.some((s) => matchesShortcut(event, s)))
  }

  /** Keyboard entry point: runs the matching enabled command; returns true when the key was used. */
  handleKey(event: KeyLike, ctx: CommandContext): boolean {
    const command = this.forKey(event)
    if (!command?.enabled(ctx)) return false
    command.run(ctx)
    return true
  }
}

export function createRegistry(): CommandRegistry {
  return new CommandRegistry([
    all.createNote,
    all.deleteSelection,
    all.undo,
    all.redo,
    all.zoomIn,
    all.zoomOut,
    all.zoomToFit,
    all.zoomTo100,
    all.setColor,
    all.selectAll,
    all.deselect,
    all.duplicate,
    all.selectTool,
    all.noteTool,
  ])
}
