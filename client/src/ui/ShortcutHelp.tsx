import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { COMMAND_GROUPS } from '../commands/types.js'
import { useView } from '../store/hooks.js'
import { Modal } from './Modal.js'
import { shortcutLabel, useCommands } from './useCommand.js'

/** "?": every shortcut, generated from the registry so it can never drift from what keys do. */
export function ShortcutHelp() {
  const session = useSession()
  const { t } = useTranslation()
  const open = useView(session.view, (s) => s.panel === 'help')
  const all = useCommands(session.registry)
  if (!open) return null
  const commands = all.filter((command) => command.shortcuts?.length)
  return (
    <Modal
      labelledBy="shortcut-help-title"
      onClose={() => session.view.set({ panel: null })}
      testId="shortcut-help"
    >
      <div className="modal-body shortcut-sheet">
        <div className="shortcut-help-head">
          <h2 id="shortcut-help-title">{t('canvas.help.title')}</h2>
          <button type="button" className="button" onClick={() => session.view.set({ panel: null })}>
            {t('canvas.help.close')}
          </button>
        </div>
        {/* Scrolls on a small screen: a tab stop lets the keyboard scroll it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
        <section className="shortcut-help" aria-labelledby="shortcut-help-title" tabIndex={0}>
          {COMMAND_GROUPS.map((group) => {
            const inGroup = commands.filter((command) => command.group === group)
            if (inGroup.length === 0) return null
            return (
              <section key={group}>
                <h3>{t(`canvas.groups.${group}`)}</h3>
                <dl>
                  {inGroup.map((command) => (
                    <div key={command.id} className="shortcut-row">
                      <dt>{t(command.labelKey)}</dt>
                      <dd>
                        {(command.shortcuts ?? []).map((shortcut) => (
                          <kbd key={shortcutLabel(shortcut, t)}>{shortcutLabel(shortcut, t)}</kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            )
          })}
        </section>
        <p className="shortcut-extra">{t('a11y.canvasHelp')}</p>
        <p className="shortcut-extra">{t('canvas.help.mouse')}</p>
      </div>
    </Modal>
  )
}
