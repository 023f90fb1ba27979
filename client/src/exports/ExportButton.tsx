import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'

/** The top bar's "Exporter": opens the export dialog, the one place every export is reached from. */
export function ExportButton() {
  const { t } = useTranslation()
  const session = useSession()
  return (
    <button
      type="button"
      className="button"
      aria-haspopup="dialog"
      data-testid="export-menu"
      onClick={() => session.registry.run('openExport', session.ctx)}
    >
      {t('exports.menu')}
    </button>
  )
}
