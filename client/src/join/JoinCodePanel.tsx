import type { JoinCodeState } from '@atelier/shared'
import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { joinLink } from '../lib/links.js'
import { showToast } from '../lib/toasts.js'
import { fetchJoinCode, renewJoinCode, turnOffJoinCode } from './api.js'
// Its own styles: the share dialog opens on the board, where the landing page's join form (which
// also imports them) was never loaded.
import './join.css'

const DEFAULT_VALID_DAYS = 7

/** Loaded when the facilitator projects the code (with the QR code library). */
const ProjectorView = lazy(() => import('./ProjectorView.js').then((m) => ({ default: m.ProjectorView })))

/**
 * The share dialog's join code: shown big with its link, projected full screen, renewed (the old
 * code stops letting people in) or turned off. Read from the server with the facilitator's token,
 * so it works on any device the facilitator opens the board on.
 */
export function JoinCodePanel({ boardId, token }: { boardId: string; token: string }) {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<JoinCodeState | null>(null)
  const [validDays, setValidDays] = useState(DEFAULT_VALID_DAYS)
  const [projecting, setProjecting] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let cancelled = false
    fetchJoinCode(boardId, token)
      .then((loaded) => !cancelled && setState(loaded))
      .catch((error: unknown) => showToast('error', t('join.share.loadFailed', { reason: String(error) })))
    return () => {
      cancelled = true
    }
  }, [boardId, token, t])

  const change = async (confirmKey: string, action: () => Promise<JoinCodeState>) => {
    if (!window.confirm(t(confirmKey))) return
    setBusy(true)
    try {
      setState(await action())
    } catch (error) {
      showToast(
        'error',
        t('join.share.failed', { reason: error instanceof Error ? error.message : String(error) }),
      )
    } finally {
      setBusy(false)
    }
  }

  if (!state) return null
  const origin = window.location.origin
  const expiresAt = state.expiresAt ? new Date(state.expiresAt) : null
  const expired = expiresAt !== null && expiresAt.getTime() <= Date.now()
  const date = expiresAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(expiresAt)
    : ''
  const link = state.joinCode ? joinLink(origin, state.joinCode) : null

  return (
    <section className="join-code-panel" aria-labelledby="join-code-heading">
      <h3 id="join-code-heading">{t('join.share.heading')}</h3>
      {state.joinCode && link && !expired ? (
        <>
          <p className="join-code-big" data-testid="share-join-code">
            {state.joinCode}
          </p>
          <p className="muted small">{t('join.share.joinAt', { link: link.replace(/^https?:\/\//, '') })}</p>
          <p className="muted small">{t('join.share.expires', { date })}</p>
        </>
      ) : (
        <p className="muted small" data-testid="share-join-code-off">
          {expired ? t('join.share.expired', { date }) : t('join.share.off')}
        </p>
      )}
      {state.joinCode && link && !expired && (
        <div className="join-code-actions">
          <button
            type="button"
            className="button primary"
            data-testid="share-project"
            onClick={() => setProjecting(true)}
          >
            {t('join.share.project')}
          </button>
        </div>
      )}
      {/* A new code and how long it lasts, together; turning the code off next to them. */}
      <div className="join-code-actions">
        <label className="join-code-days">
          <span>{t('join.share.validDays')}</span>
          <input
            type="number"
            min={1}
            max={30}
            value={validDays}
            onChange={(event) => setValidDays(Math.min(30, Math.max(1, Number(event.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="share-join-renew"
          onClick={() =>
            void change('join.share.renewConfirm', () => renewJoinCode(boardId, token, validDays))
          }
        >
          {t('join.share.renew')}
        </button>
        {state.joinCode && (
          <button
            type="button"
            className="link-button small"
            disabled={busy}
            data-testid="share-join-off"
            onClick={() => void change('join.share.turnOffConfirm', () => turnOffJoinCode(boardId, token))}
          >
            {t('join.share.turnOff')}
          </button>
        )}
      </div>
      {projecting && state.joinCode && link && (
        <Suspense fallback={null}>
          <ProjectorView code={state.joinCode} link={link} onClose={() => setProjecting(false)} />
        </Suspense>
      )}
    </section>
  )
}
