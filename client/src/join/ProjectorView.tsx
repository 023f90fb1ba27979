import QRCode from 'qrcode'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { showToast } from '../lib/toasts.js'

/**
 * "Projeter": the join code as big as the screen allows, with the QR code of `/j/<code>`, for the
 * room's projector. A modal dialog over everything; the whole screen when the browser allows it.
 */
export function ProjectorView({ code, link, onClose }: { code: string; link: string; onClose: () => void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const [qr, setQr] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    // Full screen is a nicety: refused without a user gesture or inside a frame, and that is fine.
    dialog?.requestFullscreen?.().catch(() => undefined)
    return () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined)
      dialog?.close()
    }
  }, [])

  useEffect(() => {
    // Drawn in the browser: no QR web service ever sees the link.
    QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then(setQr)
      .catch((error: unknown) => showToast('error', String(error)))
  }, [link])

  const shown = link.replace(/^https?:\/\//, '')
  return (
    <dialog
      ref={ref}
      className="projector"
      aria-labelledby="projector-title"
      data-testid="projector"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <button type="button" className="button projector-close" onClick={onClose}>
        {t('join.projector.close')}
      </button>
      <h2 id="projector-title">{t('join.projector.title')}</h2>
      <p className="projector-code" data-testid="projector-code">
        {code}
      </p>
      <p className="projector-link">{t('join.share.joinAt', { link: shown })}</p>
      {qr && (
        <img
          className="projector-qr"
          src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`}
          alt={t('join.projector.qr', { link: shown })}
        />
      )}
    </dialog>
  )
}
