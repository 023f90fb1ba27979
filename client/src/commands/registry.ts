import i18next from 'i18next'
import { Listeners } from '../lib/listeners.js'
import { showToast } from '../lib/toasts.js'
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
import { tidy } from './tidy.js'
import { COMMAND_GROUPS, type Command, type CommandArgs, type CommandContext } from './types.js'
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
  /** Rebuilt on every change, so `list()` is a stable snapshot React can subscribe to. */
  private commands: readonly Command[] = []
  private readonly registrations = new Listeners()
  /** Ids of the commands whose promise has not settled yet. */
  private readonly busy = new Set<string>()
  private readonly busyChanges = new Listeners()

  constructor(commands: Iterable<Command>) {
    this.register([...commands])
  }

  /**
   * Adds commands of a feature that starts after the board (facilitation needs its session room).
   * All or nothing: an id already taken throws before anything is added. Returns the undo.
   */
  register(commands: readonly Command[]): () => void {
    const ids = new Set<string>()
    for (const { id } of commands) {
      if (this.byId.has(id) || ids.has(id)) throw new Error(`duplicate command id: ${id}`)
      ids.add(id)
    }
    for (const command of commands) this.byId.set(command.id, command)
    this.changed()
    return () => {
      // Only this registration's own objects: calling the undo twice never removes a later one.
      const removed = commands.filter((command) => this.byId.get(command.id) === command)
      if (removed.length === 0) return
      for (const { id } of removed) this.byId.delete(id)
      this.changed()
    }
  }

  /** Told when commands are registered or unregistered (enablement changes are not reported). */
  subscribe = this.registrations.subscribe

  /** Told when a command starts or stops being busy. */
  subscribeBusy = this.busyChanges.subscribe

  get(id: CommandId): Command {
    const command = this.byId.get(id)
    if (!command) throw new Error(`unknown command: ${id}`)
    return command
  }

  has(id: CommandId): boolean {
    return this.byId.has(id)
  }

  list = (): readonly Command[] => this.commands

  /** The command that runs for `id` right now: an enabled one that replaces it, else itself. */
  resolve(id: CommandId, ctx: CommandContext): Command {
    const command = this.get(id)
    return this.commands.find((other) => other.replaces === id && other.enabled(ctx)) ?? command
  }

  isEnabled(id: CommandId, ctx: CommandContext): boolean {
    return this.resolve(id, ctx).enabled(ctx)
  }

  /** Whether the command that runs for `id` right now is still running (its promise has not settled). */
  isBusy(id: CommandId, ctx: CommandContext): boolean {
    return this.busy.has(this.resolve(id, ctx).id)
  }

  /** Runs the command (or the one replacing it) if enabled and not busy; returns whether it started. */
  run(id: CommandId, ctx: CommandContext, args?: CommandArgs): boolean {
    return this.start(id, ctx, args) !== null
  }

  /**
   * As `run`, resolving once the command has finished: true when it ran and succeeded (a failure
   * has already been shown to the person), false when it did not run or failed.
   */
  async runToEnd(id: CommandId, ctx: CommandContext, args?: CommandArgs): Promise<boolean> {
    return (await this.start(id, ctx, args)) ?? false
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
    return command ? this.run(command.id, ctx, { big: event.shiftKey }) : false
  }

  private start(id: CommandId, ctx: CommandContext, args: CommandArgs | undefined): Promise<boolean> | null {
    const command = this.resolve(id, ctx)
    if (!command.enabled(ctx) || this.busy.has(command.id)) return null
    const result = command.run(ctx, args)
    if (!(result instanceof Promise)) return Promise.resolve(true)
    this.setBusy(command.id, true)
    return result
      .then(
        () => true,
        (error: unknown) => {
          console.error(`command ${command.id} failed`, error)
          const what = i18next.t(command.labelKey)
          showToast('error', i18next.t(command.failureKey ?? 'errors.commandFailed', { command: what }))
          return false
        },
      )
      .finally(() => this.setBusy(command.id, false))
  }

  private setBusy(id: string, busy: boolean): void {
    if (busy) this.busy.add(id)
    else this.busy.delete(id)
    this.busyChanges.notify()
  }

  private changed(): void {
    // By group, then in the order they came: a feature's commands join their group wherever listed.
    const rank = (command: Command) => COMMAND_GROUPS.indexOf(command.group)
    this.commands = [...this.byId.values()].sort((a, b) => rank(a) - rank(b))
    this.registrations.notify()
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
  tidy,
  undo,
  redo,
  ...viewCommands,
  openPalette,
  openSearch,
  openHelp,
]

/** The registry of a board: the canvas commands plus those the features contribute. */
export function createRegistry(extra: readonly Command[] = []): CommandRegistry {
  return new CommandRegistry([...editingCommands, ...extra])
}
