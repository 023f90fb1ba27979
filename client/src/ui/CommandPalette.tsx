import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { useView } from '../store/hooks.js'
import { shortcutLabel, useCommands } from './useCommand.js'
import { useDialogFocus } from './useDialogFocus.js'

/** Letters only, lower case, no accents: "écrire" matches "ecri". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Ctrl/Cmd+K: type a few letters of any command and run it. */
export function CommandPalette() {
  const session = useSession()
  const open = useView(session.view, (s) => s.panel === 'palette')
  return open ? <Palette /> : null
}

function Palette() {
  const session = useSession()
  const { t } = useTranslation()
  const { registry, ctx, view } = session
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const dialog = useRef<HTMLDivElement>(null)
  useDialogFocus(dialog)
  const commands = useCommands(registry)
  const matches = useMemo(() => {
    const q = fold(query.trim())
    return (
      commands
        // setColor, setTags, setShape need an argument: they live in the style bar, not here.
        .filter((command) => !command.needsArgs && command.id !== 'openPalette')
        .filter((command) => command.enabled(ctx))
        .filter((command) => !q || fold(t(command.labelKey)).includes(q))
    )
  }, [commands, ctx, query, t])
  const close = () => view.set({ panel: null })
  const run = (index: number) => {
    const command = matches[index]
    close()
    if (command) registry.run(command.id, ctx)
  }

  return (
    <div className="palette-backdrop" onPointerDown={close}>
      <div
        ref={dialog}
        className="command-palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('canvas.palette.title')}
        data-testid="command-palette"
        onPointerDown={(event) => event.stopPropagation()}
      >
        <input
          // biome-ignore lint/a11y/noAutofocus: the palette exists to be typed into at once.
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={matches[active] ? `palette-${matches[active].id}` : undefined}
          placeholder={t('canvas.palette.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((i) => Math.min(matches.length - 1, i + 1))
            else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1))
            else if (event.key === 'Enter') run(active)
            else if (event.key === 'Escape') close()
            else return
            event.preventDefault()
          }}
        />
        <div id="palette-list" role="listbox" aria-label={t('canvas.palette.results')}>
          {matches.length === 0 && <p className="palette-empty">{t('canvas.palette.none')}</p>}
          {matches.map((command, index) => (
            <div
              key={command.id}
              id={`palette-${command.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className={index === active ? 'palette-option active' : 'palette-option'}
              onPointerEnter={() => setActive(index)}
              onClick={() => run(index)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') run(index)
              }}
            >
              <span>{t(command.labelKey)}</span>
              {command.shortcuts?.[0] && <kbd>{shortcutLabel(command.shortcuts[0], t)}</kbd>}
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
