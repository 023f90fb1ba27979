import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import type { CommandId } from '../commands/registry.js'
import type { CommandArgs } from '../commands/types.js'
import { shortcutLabel, useCommandBusy, useCommandEnabled } from './useCommand.js'

interface Props {
  command: CommandId
  /** An icon button: named by the command's label (or `label`), with its shortcut in the tooltip. */
  icon?: ReactNode
  /** A button with visible text, which names it (unless `label` is given). */
  children?: ReactNode
  className?: string
  testId?: string
  pressed?: boolean
  args?: CommandArgs
  label?: string
  title?: string
  /** The panel's own reason to refuse it here, on top of the command's (the team already joined). */
  disabled?: boolean
  /** What the panel does once the command has run and succeeded (fold a card, empty a form). */
  onRan?: () => void
  /**
   * The command Enter or Space runs instead: a tool that waits for a click on the canvas gives a
   * person on the keyboard nothing, so the note tool's button makes the note there and then.
   */
  keyboardCommand?: CommandId
}

/**
 * A button that runs a registry command: what it does, whether it is enabled (or shown at all,
 * `hideWhenDisabled`), its name and shortcut come from the command, so a panel's button and the
 * command's key or palette entry can never disagree. While the command runs (a request to the
 * server) the button is busy and disabled.
 */
export function CommandButton({
  command,
  icon,
  children,
  className,
  testId,
  pressed,
  args,
  label,
  title,
  disabled,
  onRan,
  keyboardCommand,
}: Props) {
  const { t } = useTranslation()
  const session = useSession()
  const definition = session.registry.resolve(command, session.ctx)
  const enabled = useCommandEnabled(command)
  const busy = useCommandBusy(command)
  if (!enabled && definition.hideWhenDisabled) return null
  const name = label ?? (children === undefined ? t(definition.labelKey) : undefined)
  const shortcut = definition.shortcuts?.[0]
  const hint = shortcut ? shortcutLabel(shortcut, t) : null
  // An icon says nothing by itself: its name and shortcut show on hover.
  const tooltip =
    title ?? (icon !== undefined && name !== undefined ? (hint ? `${name} (${hint})` : name) : undefined)
  return (
    <button
      type="button"
      className={className ?? 'icon-button'}
      data-testid={testId}
      aria-label={name}
      aria-pressed={pressed}
      aria-keyshortcuts={hint ?? undefined}
      title={tooltip}
      aria-busy={busy || undefined}
      disabled={!enabled || busy || disabled}
      onClick={(event) => {
        // A click from Enter or Space has no pointer, so its detail (the click count) is 0.
        const id = keyboardCommand && event.detail === 0 ? keyboardCommand : command
        session.registry.runToEnd(id, session.ctx, args).then((ran) => {
          if (ran) onRan?.()
        })
      }}
    >
      {icon}
      {children}
    </button>
  )
}
