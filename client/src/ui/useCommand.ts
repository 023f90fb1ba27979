import { useCallback, useSyncExternalStore } from 'react'
import { useSession } from '../board/context.js'
import type { CommandRegistry } from '../commands/registry.js'
import { formatShortcut, type Shortcut } from '../commands/shortcuts.js'
import type { Command } from '../commands/types.js'

/**
 * Whether a command is enabled, kept current as the selection, the board, the undo stack and
 * whatever the command watches change. A boolean snapshot, so a camera move re-renders nothing.
 */
export function useCommandEnabled(id: string): boolean {
  const session = useSession()
  const { view, board, registry, ctx } = session
  const subscribe = useCallback(
    (listener: () => void) => {
      const watched = registry.has(id) ? registry.list().filter((c) => c.id === id || c.replaces === id) : []
      const off = [
        view.subscribe(listener),
        board.subscribe(listener),
        board.subscribeUndo(listener),
        ...watched.flatMap((command) => (command.watch ? [command.watch(listener)] : [])),
      ]
      return () => {
        for (const unsubscribe of off) unsubscribe()
      }
    },
    [view, board, registry, id],
  )
  return useSyncExternalStore(subscribe, () => registry.isEnabled(id, ctx))
}

/** Whether a command is running (its promise has not settled), kept current. */
export function useCommandBusy(id: string): boolean {
  const { registry, ctx } = useSession()
  return useSyncExternalStore(registry.subscribeBusy, () => registry.has(id) && registry.isBusy(id, ctx))
}

/** The registry's commands, re-rendering when a feature registers or unregisters some. */
export function useCommands(registry: CommandRegistry): readonly Command[] {
  return useSyncExternalStore(registry.subscribe, registry.list)
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A shortcut in the person's language ("Ctrl+Maj+Z" / "⌘⇧Z"). */
export function shortcutLabel(shortcut: Shortcut, t: (key: string) => string): string {
  return formatShortcut(
    shortcut,
    {
      mod: t('keys.mod'),
      shift: t('keys.shift'),
      delete: t('keys.delete'),
      enter: t('canvas.keys.enter'),
      escape: t('canvas.keys.escape'),
    },
    isMac,
  )
}
