import { useTranslation } from 'react-i18next'
import { MenuButton } from '../ui/MenuButton.js'
import { exportLinks } from './links.js'

/** "Exporter": the workshop report (compte rendu) and the notes as a spreadsheet, for any role. */
export function ExportMenu({ boardId, token }: { boardId: string; token: string }) {
  const { t, i18n } = useTranslation()
  const links = exportLinks(boardId, token, i18n.language)
  return (
    <MenuButton label={t('exports.menu')} testId="export-menu">
      {(close) => (
        <>
          <a role="menuitem" href={links.report} download onClick={close} data-testid="export-report">
            {t('exports.report')}
          </a>
          <a role="menuitem" href={links.csv} download onClick={close} data-testid="export-csv">
            {t('exports.csv')}
          </a>
        </>
      )}
    </MenuButton>
  )
}
