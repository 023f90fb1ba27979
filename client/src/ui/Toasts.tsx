import { useTranslation } from 'react-i18next'
import { dismissToast, useToasts } from '../lib/toasts.js'
import { CloseIcon } from './icons.js'

export function Toasts() {
  const { t } = useTranslation()
  const toasts = useToasts()
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{toast.message}</span>
          <button
            type="button"
            className="icon-button small"
            aria-label={t('errors.dismiss')}
            onClick={() => dismissToast(toast.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  )
}
