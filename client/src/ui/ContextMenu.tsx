import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import type { Command } from '../commands/types.js'
import { useView } from '../store/hooks.js'
import { shortcutLabel } from './useCommand.js'

/** Right-click menu: the registry's context-menu commands that are enabled right now, by group. */
export function ContextMenu() {
  const session = useSession()
  const menu = useView(session.view, (s) => s.menu)
  if (!menu) return null
  return <MenuList at={menu} />
}

function MenuList({ at }: { at: { x: number; y: number } }) {
  const session = useSession()
  const { t } = useTranslation()
  const { registry, ctx, view } = session
  const ref = useRef<HTMLDivElement>(null)
  // On an item: what to do with it. On empty board: what to add there.
  const onItem = view.getState().selection.length > 0
  const commands = registry
    .list()
    .filter((command) => command.contextMenu && command.enabled(ctx))
    .filter((command) =>
      onItem
        ? command.group !== 'create'
        : command.group === 'create' || command.group === 'view' || command.id === 'paste',
    )
  const close = () => view.set({ menu: null })

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  }, [])

  const run = (command: Command) => {
    close()
    registry.run(command.id, ctx)
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLButtonElement)
    if (event.key === 'Escape') close()
    else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus()
    else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus()
    else return
    event.preventDefault()
  }

  // Keep the menu on screen near the right and bottom edges.
  const left = Math.min(at.x, window.innerWidth - 260)
  const top = Math.max(12, Math.min(at.y, window.innerHeight - (commands.length * 34 + 40)))
  let lastGroup: string | null = null
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t('canvas.menu.label')}
      data-testid="context-menu"
      style={{ left, top }}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => event.stopPropagation()}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close()
      }}
    >
      {commands.map((command) => {
        const separator = lastGroup !== null && lastGroup !== command.group
        lastGroup = command.group
        const shortcut = command.shortcuts?.[0]
        return (
          <div key={command.id} className={separator ? 'menu-entry separated' : 'menu-entry'}>
            <button
              type="button"
              role="menuitem"
              data-testid={`menu-${command.id}`}
              onClick={() => run(command)}
            >
              <span>{t(command.labelKey)}</span>
              {shortcut && <kbd>{shortcutLabel(shortcut, t)}</kbd>}
            </button>
          </div>
        )
      })}
    </div>
  )
}
