import { TITLE_MAX_LENGTH } from '@atelier/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ImportBackup } from '../exports/ImportBackup.js'
import { JoinCodeForm } from '../join/JoinCodeForm.js'
import { boardLink } from '../lib/links.js'
import { navigate } from '../lib/navigate.js'
import { readRecent, rememberBoard } from '../lib/storage.js'
import { showToast } from '../lib/toasts.js'
import { ApiError, createBoard } from '../sync/api.js'
import { TemplateStart } from '../templates/TemplateStart.js'
import { LogoMark } from '../ui/icons.js'
import { LanguageSwitch } from '../ui/LanguageSwitch.js'

export function LandingPage() {
  const { t, i18n } = useTranslation()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [recent] = useState(() => readRecent(localStorage))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    if (!trimmed) {
      showToast('error', t('errors.titleRequired'))
      return
    }
    setBusy(true)
    try {
      const created = await createBoard(trimmed)
      rememberBoard(localStorage, {
        id: created.id,
        title: trimmed,
        role: 'facilitator',
        token: created.tokens.facilitator,
        tokens: created.tokens,
      })
      navigate(boardLink('', created.id, created.tokens.facilitator))
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : t('errors.network')
      showToast('error', t('errors.createFailed', { reason }))
      setBusy(false)
    }
  }

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <div className="landing">
      <header className="landing-header">
        <div className="brand">
          <LogoMark />
          <span>{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="landing-main">
        <section className="hero">
          <h1>{t('app.name')}</h1>
          <p className="pitch">{t('landing.pitch')}</p>
          <p className="muted">{t('landing.features')}</p>
        </section>
        <section className="card create-card" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('landing.createTitle')}</h2>
          <form onSubmit={onSubmit}>
            <label htmlFor="board-title">{t('landing.titleLabel')}</label>
            <div className="inline-form">
              <input
                id="board-title"
                data-testid="create-board-title"
                value={title}
                maxLength={TITLE_MAX_LENGTH}
                placeholder={t('landing.titlePlaceholder')}
                onChange={(e) => setTitle(e.target.value)}
                required
              />
              <button
                className="button primary"
                type="submit"
                data-testid="create-board-submit"
                disabled={busy}
              >
                {busy ? t('landing.creating') : t('landing.create')}
              </button>
            </div>
          </form>
        </section>
        <section className="card join-card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t('join.title')}</h2>
          <JoinCodeForm />
        </section>
        <TemplateStart />
        <ImportBackup />
        <section className="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('landing.recent')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('landing.noRecent')}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((board) => (
                <li key={board.id}>
                  <a href={boardLink('', board.id, board.token)} className="recent-item">
                    <span className="recent-title">{board.title || t('board.untitled')}</span>
                    <span className={`role-badge role-${board.role}`}>{t(`roles.${board.role}`)}</span>
                    <time className="muted" dateTime={new Date(board.openedAt).toISOString()}>
                      {dateFormat.format(board.openedAt)}
                    </time>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  )
}
