import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandId } from '../commands/registry.js'
import { formatShortcut } from '../commands/shortcuts.js'
import type { CommandArgs } from '../commands/types.js'
import type { BoardSessionModel } from './session.js'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

interface Props {
  session: BoardSessionModel
  command: CommandId
  /** Re-rendering inputs the enablement depends on (selection, undo state…). */
  enabled: boolean
  icon: ReactNode
  testId?: string
  pressed?: boolean
  args?: CommandArgs
  label?: string
}

/** A toolbar button whose label, tooltip and shortcut all come from the command registry. */
export function CommandButton({ session, command, enabled, icon, testId, pressed, args, label }: Props) {
  const { t } = useTranslation()
  const definition = session.registry.get(command)
  const name = label ?? t(definition.labelKey)
  const shortcut = definition.shortcuts?.[0]
  const hint = shortcut
    ? formatShortcut(
        shortcut,
        { mod: t('keys.mod'), shift: t('keys.shift'), delete: t('keys.delete') },
        isMac,
      )
    : null
  return (
    <button
      type="button"
      className="icon-button"
      data-testid={testId}
      aria-label={name}
      aria-pressed={pressed}
      aria-keyshortcuts={hint ?? undefined}
      title={hint ? `${name} (${hint})` : name}
      disabled={!enabled}
      onClick={() => session.registry.run(command, session.ctx, args)}
    >
      {icon}
    </button>
  )
}
