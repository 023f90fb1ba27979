import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { JoinCodePanel } from '../join/JoinCodePanel.js'
import { boardLink } from '../lib/links.js'
import { findRecent, replaceRecentToken } from '../lib/storage.js'
import { showToast } from '../lib/toasts.js'
import { replaceLink } from '../sync/api.js'
import { CloseIcon, CopyIcon } from '../ui/icons.js'
import { Modal } from '../ui/Modal.js'

function LinkField({
  id,
  label,
  help,
  value,
  testId,
  onReplace,
}: {
  id: string
  label: string
  help: string
  value: string
  testId: string
  /** Replaces the link; the dialog asks for confirmation first. */
  onReplace: () => void
}) {
  const { t } = useTranslation()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      showToast('info', t('share.copied'))
    } catch {
      // Clipboard refused (plain-HTTP intranet, permissions): say so and leave the link selected.
      const input = document.getElementById(id)
      if (input instanceof HTMLInputElement) input.select()
      showToast('error', t('share.copyFailed'))
    }
  }
  return (
    <div className="link-field">
      <label htmlFor={id}>{label}</label>
      <p className="muted small" id={`${id}-help`}>
        {help}
      </p>
      <div className="inline-form">
        <input
          id={id}
          data-testid={testId}
          value={value}
          readOnly
          aria-describedby={`${id}-help`}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          <CopyIcon />
          <span>{t('share.copy')}</span>
        </button>
      </div>
      <button
        type="button"
        className="link-button small"
        onClick={onReplace}
        data-testid={`${testId}-replace`}
      >
        {t('share.replace')}
      </button>
    </div>
  )
}

export function ShareDialog({
  boardId,
  token,
  onClose,
}: {
  boardId: string
  /** This facilitator's own token, which authorises replacing the other links. */
  token: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [tokens, setTokens] = useState(() => findRecent(localStorage, boardId)?.tokens)
  const origin = window.location.origin
  const participant = tokens ? boardLink(origin, boardId, tokens.participant) : null
  const observer = tokens ? boardLink(origin, boardId, tokens.observer) : null
  const [qr, setQr] = useState<string | null>(null)

  useEffect(() => {
    if (!participant) return
    // Rendered in the browser: the link (and its token) never goes to a QR web service.
    QRCode.toString(participant, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then(setQr)
      .catch((error: unknown) => showToast('error', String(error)))
  }, [participant])

  const replace = async (role: 'participant' | 'observer') => {
    if (!window.confirm(t(`share.replaceConfirm.${role}`))) return
    try {
      const next = await replaceLink(boardId, token, role)
      setTokens(replaceRecentToken(localStorage, boardId, role, next))
      showToast('info', t('share.replaced'))
    } catch (error) {
      showToast(
        'error',
        t('share.replaceFailed', { reason: error instanceof Error ? error.message : String(error) }),
      )
    }
  }

  return (
    <Modal labelledBy="share-title" onClose={onClose} testId="share-dialog">
      <div className="modal-body">
        <div className="modal-header">
          <h2 id="share-title">{t('share.title')}</h2>
          <button type="button" className="icon-button" aria-label={t('share.close')} onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
        <JoinCodePanel boardId={boardId} token={token} />
        {participant && observer ? (
          <div className="share-grid">
            <div>
              <LinkField
                id="share-participant"
                testId="share-participant-link"
                label={t('share.participant')}
                help={t('share.participantHelp')}
                value={participant}
                onReplace={() => void replace('participant')}
              />
              <LinkField
                id="share-observer"
                testId="share-observer-link"
                label={t('share.observer')}
                help={t('share.observerHelp')}
                value={observer}
                onReplace={() => void replace('observer')}
              />
              <p className="note-box">{t('share.facilitatorNote')}</p>
            </div>
            <figure className="qr">
              {qr && (
                <img
                  src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`}
                  alt={t('share.qr')}
                  width={180}
                  height={180}
                />
              )}
              <figcaption className="muted small">{t('share.qrHelp')}</figcaption>
            </figure>
          </div>
        ) : (
          <p>{t('share.unavailable')}</p>
        )}
      </div>
    </Modal>
  )
}
