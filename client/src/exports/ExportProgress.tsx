import { useTranslation } from 'react-i18next'
import { useExportJob } from './jobs.js'

/** While an export runs: what it is, how far it got, and a button to stop it. */
export function ExportProgress() {
  const { t } = useTranslation()
  const job = useExportJob()
  if (!job) return null
  const label = t('exports.progress', { label: t(job.labelKey) })
  return (
    <div className="export-progress floating-panel" role="status" data-testid="export-progress">
      <span>{label}</span>
      <progress max={job.total} value={job.done} aria-label={label} />
      <button type="button" className="button" onClick={job.cancel} data-testid="export-cancel">
        {t('exports.cancel')}
      </button>
    </div>
  )
}
