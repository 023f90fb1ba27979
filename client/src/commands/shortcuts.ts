/** A key binding. `key` compares case-insensitively with KeyboardEvent.key; `code` with KeyboardEvent.code (layout-independent, for digits under Shift). */
export interface Shortcut {
  key?: string
  code?: string
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean
  /** true: Shift required; false: Shift forbidden; undefined: either (so '+' works on every layout). */
  shift?: boolean
  /**
   * Alt (Option) required, otherwise forbidden. Pair it with `code`: on macOS Option changes the
   * typed character (Option+T gives "†"), so `key` would never match.
   */
  alt?: boolean
}

export interface KeyLike {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  // AltGr reports Ctrl+Alt, so characters typed with AltGr match neither plain nor Alt shortcuts.
  if (event.altKey !== (shortcut.alt ?? false)) return false
  const mod = event.ctrlKey || event.metaKey
  if (mod !== (shortcut.mod ?? false)) return false
  if (shortcut.shift !== undefined && shortcut.shift !== event.shiftKey) return false
  if (shortcut.code !== undefined) return event.code === shortcut.code
  return shortcut.key !== undefined && event.key.toLowerCase() === shortcut.key.toLowerCase()
}

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' }

/** Human label, e.g. "Ctrl+Maj+Z" / "⌘⇧Z"; modifier and key names come from the caller's language. */
export function formatShortcut(
  shortcut: Shortcut,
  names: { mod: string; shift: string; delete: string; enter?: string; escape?: string; space?: string },
  mac: boolean,
): string {
  const parts: string[] = []
  if (shortcut.mod) parts.push(mac ? '⌘' : names.mod)
  // "Alt" reads the same on French and English keyboards.
  if (shortcut.alt) parts.push(mac ? '⌥' : 'Alt')
  if (shortcut.shift) parts.push(mac ? '⇧' : names.shift)
  const code = shortcut.code ?? ''
  const key = code.startsWith('Digit')
    ? code.slice(5)
    : code.startsWith('Key')
      ? code.slice(3)
      : (shortcut.key ?? '')
  const named: Record<string, string | undefined> = {
    Delete: names.delete,
    Backspace: '⌫',
    Enter: names.enter ?? 'Enter',
    Escape: names.escape ?? 'Esc',
    ...ARROWS,
  }
  parts.push(key.length === 1 ? key.toUpperCase() : (named[key] ?? key))
  return parts.join(mac ? '' : '+')
}

/** Keys typed into a field or a dialog belong to it, not to the board. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  return target.closest('dialog, [role="dialog"]') !== null
}
