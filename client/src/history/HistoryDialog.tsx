import type { BoardVersion, ItemSnapshot } from '@atelier/shared'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { showToast } from '../lib/toasts.js'
import { useView } from '../store/hooks.js'
import { Modal } from '../ui/Modal.js'
import { listVersions, restoreVersion, versionItems } from './api.js'
import { openHistory } from './commands.js'
import { versionPreviewUrl } from './preview.js'
import './history.css'

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; reason: string }

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The top bar's "Historique" button: the `history.open` command, as the palette also offers it. */
export function HistoryButton() {
  const session = useSession()
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="button"
      data-testid="history-open"
      aria-haspopup="dialog"
      onClick={() => session.registry.run(openHistory.id, session.ctx)}
    >
      {t('history.open')}
    </button>
  )
}

/**
 * The facilitator's "Historique": the board's versions (time, why, how many items), a preview of
 * the chosen one, and "Restaurer" after a confirmation. Opened by the `history.open` command.
 */
export function HistoryPanel() {
  const session = useSession()
  const open = useView(session.view, (s) => s.panel === 'history')
  return open ? <HistoryDialog /> : null
}

function HistoryDialog() {
  const session = useSession()
  const { t, i18n } = useTranslation()
  const { boardId, token } = session.connection
  const titleId = useId()
  const [versions, setVersions] = useState<Load<BoardVersion[]>>({ state: 'loading' })
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const close = useCallback(() => session.view.set({ panel: null }), [session])
  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
    return (at: string) => format.format(new Date(at))
  }, [i18n.language])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger.
  useEffect(() => {
    let cancelled = false
    setVersions({ state: 'loading' })
    listVersions(boardId, token)
      .then((list) => {
        if (cancelled) return
        setVersions({ state: 'ready', value: list })
        setSelectedId((current) => current ?? list[0]?.id ?? null)
      })
      .catch((error: unknown) => {
        if (!cancelled) setVersions({ state: 'failed', reason: reasonOf(error) })
      })
    return () => {
      cancelled = true
    }
  }, [boardId, token, attempt])

  const list = versions.state === 'ready' ? versions.value : []
  const selected = list.find((version) => version.id === selectedId) ?? null
  const describe = (version: BoardVersion) =>
    `${t(`history.reasons.${version.reason}`)} · ${t('history.items', { count: version.items })}`

  const restore = async (version: BoardVersion) => {
    setConfirming(false)
    try {
      await restoreVersion(boardId, token, version.id)
      showToast('info', t('history.restored', { time: formatTime(version.at) }))
      close()
    } catch (error) {
      showToast('error', t('history.restoreError', { reason: reasonOf(error) }))
    }
  }

  return (
    <Modal labelledBy={titleId} onClose={close} testId="history-dialog">
      <div className="modal-body history-dialog">
        <div className="modal-header">
          <h2 id={titleId}>{t('history.title')}</h2>
          <button type="button" className="icon-button" aria-label={t('history.close')} onClick={close}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        <p className="muted small">{t('history.intro')}</p>
        {versions.state === 'loading' && (
          <p className="muted" role="status">
            {t('history.loading')}
          </p>
        )}
        {versions.state === 'failed' && (
          <div role="alert">
            <p>{t('history.loadError', { reason: versions.reason })}</p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('history.retry')}
            </button>
          </div>
        )}
        {versions.state === 'ready' && list.length === 0 && <p>{t('history.empty')}</p>}
        {list.length > 0 && (
          <div className="history-grid">
            <fieldset className="history-list">
              <legend className="visually-hidden">{t('history.list')}</legend>
              {list.map((version) => (
                <label key={version.id} className="history-entry" data-testid="history-version">
                  <input
                    type="radio"
                    name="history-version"
                    value={version.id}
                    checked={version.id === selectedId}
                    onChange={() => setSelectedId(version.id)}
                  />
                  <span className="history-entry-text">
                    <time dateTime={version.at}>{formatTime(version.at)}</time>
                    <span className="muted small" data-testid="history-version-reason">
                      {describe(version)}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            {selected && (
              <VersionPreview
                key={selected.id}
                version={selected}
                label={`${formatTime(selected.at)} · ${describe(selected)}`}
                onRestore={() => setConfirming(true)}
              />
            )}
          </div>
        )}
      </div>
      {confirming && selected && (
        <ConfirmRestore
          time={formatTime(selected.at)}
          items={t('history.items', { count: selected.items })}
          onConfirm={() => void restore(selected)}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Modal>
  )
}

function VersionPreview({
  version,
  label,
  onRestore,
}: {
  version: BoardVersion
  label: string
  onRestore: () => void
}) {
  const { t } = useTranslation()
  const { boardId, token } = useSession()
  const [items, setItems] = useState<Load<ItemSnapshot[]>>({ state: 'loading' })
  useEffect(() => {
    let cancelled = false
    versionItems(boardId, token, version.id)
      .then((found) => {
        if (!cancelled) setItems({ state: 'ready', value: found.items })
      })
      .catch((error: unknown) => {
        if (!cancelled) setItems({ state: 'failed', reason: reasonOf(error) })
      })
    return () => {
      cancelled = true
    }
  }, [boardId, token, version.id])
  const src = useMemo(() => (items.state === 'ready' ? versionPreviewUrl(items.value) : null), [items])

  return (
    <section className="history-preview" aria-label={t('history.preview.label')} aria-live="polite">
      <div className="history-preview-frame">
        {items.state === 'loading' && <p className="muted">{t('history.preview.loading')}</p>}
        {items.state === 'failed' && (
          <p role="alert">{t('history.preview.error', { reason: items.reason })}</p>
        )}
        {items.state === 'ready' &&
          (src ? (
            <img
              src={src}
              alt={t('history.preview.alt', { version: label })}
              draggable={false}
              data-testid="history-preview"
            />
          ) : (
            <p className="muted">{t('history.preview.empty')}</p>
          ))}
      </div>
      <p className="small">{label}</p>
      <button type="button" className="button primary" data-testid="history-restore" onClick={onRestore}>
        {t('history.restore')}
      </button>
    </section>
  )
}

function ConfirmRestore({
  time,
  items,
  onConfirm,
  onCancel,
}: {
  time: string
  items: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <Modal labelledBy={titleId} onClose={onCancel} testId="history-confirm">
      <div className="modal-body">
        <h2 id={titleId}>{t('history.confirm.title')}</h2>
        <p>{t('history.confirm.body', { time, items })}</p>
        <div className="history-actions">
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice has the focus in a confirmation. */}
          <button type="button" className="button" autoFocus onClick={onCancel}>
            {t('history.confirm.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="history-confirm-restore"
            onClick={onConfirm}
          >
            {t('history.confirm.restore')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
