import { useTranslation } from 'react-i18next'
import type { ConnectionStatus as Status } from '../sync/status.js'

export function ConnectionStatus({ status }: { status: Status }) {
  const { t } = useTranslation()
  return (
    <output
      className={`connection-status status-${status}`}
      data-testid="connection-status"
      data-status={status}
      aria-label={`${t('status.label')} : ${t(`status.${status}`)}`}
      aria-live="polite"
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{t(`status.${status}`)}</span>
    </output>
  )
}
