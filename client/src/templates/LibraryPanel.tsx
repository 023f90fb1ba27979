import { LIBRARY_NAME_MAX_LENGTH } from '@atelier/shared'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { showToast } from '../lib/toasts.js'
import { ApiError } from '../sync/api.js'
import { createLibrary, fetchLibrary } from './api.js'
import { libraryLink, parseLibraryLink, type SavedLibrary } from './libraries.js'

interface Props {
  libraries: readonly SavedLibrary[]
  remember: (library: SavedLibrary) => void
  forget: (libraryId: string) => void
  onBrowse: (library: SavedLibrary) => void
  onBack: () => void
}

/** Create a lab library, get its link, open one by its link, list those on this device. */
export function LibraryPanel({ libraries, remember, forget, onBrowse, onBack }: Props) {
  const { t } = useTranslation()
  const ids = { create: useId(), open: useId(), heading: useId() }
  const [name, setName] = useState('')
  const [link, setLink] = useState('')
  const [busy, setBusy] = useState(false)
  const [fresh, setFresh] = useState<string | null>(null)

  const fail = (error: unknown) =>
    showToast(
      'error',
      t('templates.gallery.failed', { reason: error instanceof Error ? error.message : String(error) }),
    )

  const onCreate = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const created = await createLibrary(name)
      remember(created)
      setFresh(created.id)
      setName('')
      showToast('info', t('templates.libraries.created', { name: created.name }))
    } catch (error) {
      fail(error)
    } finally {
      setBusy(false)
    }
  }

  const onOpen = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseLibraryLink(link)
    if (!parsed) {
      showToast('error', t('templates.libraries.invalidLink'))
      return
    }
    setBusy(true)
    try {
      const library = await fetchLibrary(parsed)
      const saved = { id: library.id, name: library.name, token: parsed.token }
      remember(saved)
      setLink('')
      showToast('info', t('templates.libraries.opened', { name: library.name }))
      onBrowse(saved)
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        showToast('error', t('templates.libraries.refused'))
      else fail(error)
    } finally {
      setBusy(false)
    }
  }

  const copy = async (library: SavedLibrary) => {
    await navigator.clipboard
      .writeText(libraryLink(window.location.origin, library))
      .then(() => showToast('info', t('templates.libraries.copied')), fail)
  }

  return (
    <section className="tpl-libraries" aria-labelledby={ids.heading} data-testid="library-panel">
      <button type="button" className="button tpl-back" onClick={onBack}>
        ← {t('templates.libraries.back')}
      </button>
      <h3 id={ids.heading}>{t('templates.libraries.title')}</h3>
      <p className="muted">{t('templates.libraries.intro')}</p>
      <div className="tpl-library-forms">
        <form onSubmit={onCreate}>
          <label htmlFor={ids.create}>{t('templates.libraries.createLabel')}</label>
          <div className="inline-form">
            <input
              id={ids.create}
              data-testid="library-create-name"
              value={name}
              maxLength={LIBRARY_NAME_MAX_LENGTH}
              placeholder={t('templates.libraries.createPlaceholder')}
              onChange={(e) => setName(e.target.value)}
              required
            />
            <button className="button primary" type="submit" disabled={busy} data-testid="library-create">
              {t('templates.libraries.create')}
            </button>
          </div>
        </form>
        <form onSubmit={onOpen}>
          <label htmlFor={ids.open}>{t('templates.libraries.openLabel')}</label>
          <div className="inline-form">
            <input
              id={ids.open}
              data-testid="library-open-link"
              value={link}
              placeholder={t('templates.libraries.openPlaceholder')}
              onChange={(e) => setLink(e.target.value)}
              required
            />
            <button className="button" type="submit" disabled={busy} data-testid="library-open">
              {t('templates.libraries.open')}
            </button>
          </div>
        </form>
      </div>
      <h4>{t('templates.libraries.saved')}</h4>
      {libraries.length === 0 ? (
        <p className="muted">{t('templates.libraries.none')}</p>
      ) : (
        <ul className="tpl-library-list">
          {libraries.map((library) => (
            <li key={library.id} className={fresh === library.id ? 'is-fresh' : undefined}>
              <div className="tpl-library-name">{library.name}</div>
              <input
                className="tpl-library-link"
                readOnly
                aria-label={t('templates.libraries.link', { name: library.name })}
                value={libraryLink(window.location.origin, library)}
                data-testid="library-link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <div className="tpl-library-actions">
                <button type="button" className="button" onClick={() => copy(library)}>
                  {t('templates.libraries.copy')}
                </button>
                <button
                  type="button"
                  className="button primary"
                  data-testid="library-browse"
                  onClick={() => onBrowse(library)}
                >
                  {t('templates.libraries.browse')}
                </button>
                <button type="button" className="button" onClick={() => forget(library.id)}>
                  {t('templates.libraries.forget')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
