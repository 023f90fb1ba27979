import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import type { CommandId } from '../commands/registry.js'
import type { CommandArgs } from '../commands/types.js'
import { shortcutLabel, useCommandEnabled } from './useCommand.js'

interface Props {
  command: CommandId
  icon: ReactNode
  testId?: string
  pressed?: boolean
  args?: CommandArgs
  label?: string
}

/** A button whose label, tooltip, shortcut and enablement all come from the command registry. */
export function CommandButton({ command, icon, testId, pressed, args, label }: Props) {
  const { t } = useTranslation()
  const session = useSession()
  const definition = session.registry.get(command)
  const enabled = useCommandEnabled(command)
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
