import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandId } from '../commands/registry.js'
import type { CommandArgs } from '../commands/types.js'
import type { BoardSessionModel } from './session.js'
import { shortcutLabel, useCommandEnabled } from './useCommand.js'

interface Props {
  session: BoardSessionModel
  command: CommandId
  icon: ReactNode
  testId?: string
  pressed?: boolean
  args?: CommandArgs
  label?: string
}

/** A button whose label, tooltip, shortcut and enablement all come from the command registry. */
export function CommandButton({ session, command, icon, testId, pressed, args, label }: Props) {
  const { t } = useTranslation()
  const definition = session.registry.get(command)
  const enabled = useCommandEnabled(session, command)
  const name = label ?? t(definition.labelKey)
  const shortcut = definition.shortcuts?.[0]
  const hint = shortcut ? shortcutLabel(shortcut, t) : null
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
