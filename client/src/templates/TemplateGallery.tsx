import {
  builtinTemplates,
  type Lang,
  TEMPLATE_CATEGORIES,
  type Template,
  type TemplateCategory,
  TITLE_MAX_LENGTH,
} from '@atelier/shared'
import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { showToast } from '../lib/toasts.js'
import { ApiError } from '../sync/api.js'
import { CloseIcon } from '../ui/icons.js'
import { Modal } from '../ui/Modal.js'
import { addToLibrary, removeFromLibrary, replaceInLibrary } from './api.js'
import { downloadTemplate, readTemplateFile } from './files.js'
import { filterTemplates, formatDuration } from './filter.js'
import { LibraryPanel } from './LibraryPanel.js'
import type { SavedLibrary } from './libraries.js'
import { TemplatePreview } from './TemplatePreview.js'
import { TemplateThumbnail } from './TemplateThumbnail.js'
import { useLibraries, useLibraryTemplates } from './useLibraries.js'
import './templates.css'

export interface TemplateChoice {
  template: Template
  /** The library it comes from; null for a built-in template. */
  library: SavedLibrary | null
  /** Title of the board to create (create mode only). */
  title: string
}

interface Props {
  mode: 'create' | 'insert'
  onClose: () => void
  onUse: (choice: TemplateChoice) => Promise<void>
  /** Opens on this library instead of the built-in templates. */
  initialLibrary?: SavedLibrary | null
  /** Opens on this template's preview. */
  initialTemplate?: Template | null
}

type View = { kind: 'grid' } | { kind: 'preview'; template: Template } | { kind: 'libraries' }
type Pending = { errors: string[] } | { template: Template; exists: true }

/** The template picker: sources, search, purpose filter, thumbnails, preview, then use. */
export function TemplateGallery({
  mode,
  onClose,
  onUse,
  initialLibrary = null,
  initialTemplate = null,
}: Props) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fr'
  const ids = { heading: useId(), search: useId(), file: useId() }
  const { libraries, remember, forget } = useLibraries()
  const [source, setSource] = useState<SavedLibrary | null>(initialLibrary)
  const { load, reload } = useLibraryTemplates(source)
  const [view, setView] = useState<View>(
    initialTemplate ? { kind: 'preview', template: initialTemplate } : { kind: 'grid' },
  )
  const [query, setQuery] = useState('')
  const [category, setCategory] = useState<TemplateCategory | 'all'>('all')
  const [title, setTitle] = useState(initialTemplate?.title[lang] ?? '')
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState<Pending | null>(null)
  const main = useRef<HTMLDivElement>(null)

  // Each view (grid, preview, libraries) starts at its top, not where the last one was scrolled.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `view` is the trigger.
  useEffect(() => {
    main.current?.scrollTo({ top: 0 })
  }, [view])

  const templates: readonly Template[] = source
    ? load.state === 'ready'
      ? load.templates
      : []
    : builtinTemplates()
  const shown = useMemo(() => filterTemplates(templates, { query, category }), [templates, query, category])

  const fail = (error: unknown) =>
    showToast(
      'error',
      t('templates.gallery.failed', { reason: error instanceof Error ? error.message : String(error) }),
    )

  const open = (template: Template) => {
    setTitle(template.title[lang])
    setView({ kind: 'preview', template })
  }

  const use = async (template: Template) => {
    setBusy(true)
    try {
      await onUse({ template, library: source, title: title.trim() || template.title[lang] })
    } catch (error) {
      fail(error)
    } finally {
      setBusy(false)
    }
  }

  const upload = async (library: SavedLibrary, template: Template, replace: boolean) => {
    try {
      if (replace) await replaceInLibrary(library, template)
      else await addToLibrary(library, template)
      showToast(
        'info',
        t(replace ? 'templates.gallery.replaced' : 'templates.gallery.imported', {
          title: template.title[lang],
        }),
      )
      setPending(null)
      reload()
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setPending({ template, exists: true })
      else fail(error)
    }
  }

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file || !source) return
    const result = readTemplateFile(await file.text())
    if (!result.ok) {
      setPending({ errors: result.errors })
      return
    }
    await upload(source, result.template, false)
  }

  const remove = async (template: Template) => {
    if (!source) return
    const message = t('templates.preview.confirmRemove', {
      title: template.title[lang],
      library: source.name,
    })
    if (!window.confirm(message)) return
    try {
      await removeFromLibrary(source, template.id)
      showToast('info', t('templates.gallery.removed', { title: template.title[lang] }))
      setView({ kind: 'grid' })
      reload()
    } catch (error) {
      fail(error)
    }
  }

  const chooseSource = (library: SavedLibrary | null) => {
    setSource(library)
    setPending(null)
    setView({ kind: 'grid' })
  }

  const actions = (template: Template) => (
    <>
      {mode === 'create' && (
        <form
          className="tpl-create"
          onSubmit={(event) => {
            event.preventDefault()
            void use(template)
          }}
        >
          <label htmlFor="tpl-board-title">{t('templates.preview.boardTitle')}</label>
          <input
            id="tpl-board-title"
            data-testid="template-board-title"
            value={title}
            maxLength={TITLE_MAX_LENGTH}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <button className="button primary wide" type="submit" disabled={busy} data-testid="template-use">
            {busy ? t('templates.preview.creating') : t('templates.preview.create')}
          </button>
        </form>
      )}
      {mode === 'insert' && (
        <button
          className="button primary wide"
          type="button"
          disabled={busy}
          data-testid="template-use"
          onClick={() => void use(template)}
        >
          {t('templates.preview.insert')}
        </button>
      )}
      <div className="tpl-secondary">
        <button type="button" className="button" onClick={() => downloadTemplate(template)}>
          {t('templates.preview.export')}
        </button>
        {source && (
          <button type="button" className="button danger" onClick={() => void remove(template)}>
            {t('templates.preview.remove')}
          </button>
        )}
      </div>
    </>
  )

  return (
    <Modal labelledBy={ids.heading} onClose={onClose} testId="template-gallery">
      <div className="tpl-gallery">
        <header className="tpl-header">
          <h2 id={ids.heading}>
            {mode === 'create' ? t('templates.gallery.titleCreate') : t('templates.gallery.titleInsert')}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('templates.gallery.close')}
            title={t('templates.gallery.close')}
            onClick={onClose}
            data-testid="template-gallery-close"
          >
            <CloseIcon />
          </button>
        </header>
        <div className="tpl-layout">
          <nav className="tpl-sources" aria-label={t('templates.gallery.sources')}>
            <button
              type="button"
              className="tpl-source"
              aria-current={source === null && view.kind !== 'libraries' ? 'true' : undefined}
              onClick={() => chooseSource(null)}
              data-testid="template-source-builtin"
            >
              {t('templates.gallery.builtin')}
              <span className="tpl-count">{builtinTemplates().length}</span>
            </button>
            {libraries.map((library) => (
              <button
                key={library.id}
                type="button"
                className="tpl-source"
                aria-current={source?.id === library.id && view.kind !== 'libraries' ? 'true' : undefined}
                onClick={() => chooseSource(library)}
                data-testid="template-source-library"
              >
                {library.name}
              </button>
            ))}
            <button
              type="button"
              className="tpl-source tpl-manage"
              aria-current={view.kind === 'libraries' ? 'true' : undefined}
              onClick={() => setView({ kind: 'libraries' })}
              data-testid="template-manage-libraries"
            >
              {t('templates.gallery.manageLibraries')}
            </button>
          </nav>
          <div className="tpl-main" ref={main}>
            {view.kind === 'libraries' && (
              <LibraryPanel
                libraries={libraries}
                remember={remember}
                forget={(id) => {
                  forget(id)
                  if (source?.id === id) setSource(null)
                }}
                onBrowse={chooseSource}
                onBack={() => setView({ kind: 'grid' })}
              />
            )}
            {view.kind === 'preview' && (
              <TemplatePreview
                template={view.template}
                lang={lang}
                onBack={() => setView({ kind: 'grid' })}
                actions={actions(view.template)}
              />
            )}
            {view.kind === 'grid' && (
              <>
                <div className="tpl-filters">
                  <label htmlFor={ids.search} className="visually-hidden">
                    {t('templates.gallery.search')}
                  </label>
                  <input
                    id={ids.search}
                    type="search"
                    className="tpl-search"
                    data-testid="template-search"
                    placeholder={t('templates.gallery.searchPlaceholder')}
                    value={query}
                    onChange={(e) => setQuery(e.target.value)}
                  />
                  <fieldset className="tpl-chips">
                    <legend className="visually-hidden">{t('templates.gallery.categories')}</legend>
                    {(['all', ...TEMPLATE_CATEGORIES] as const).map((id) => (
                      <button
                        key={id}
                        type="button"
                        className="tpl-chip-button"
                        aria-pressed={category === id}
                        onClick={() => setCategory(id)}
                        data-testid={`template-category-${id}`}
                      >
                        {id === 'all' ? t('templates.gallery.all') : t(`templates.categories.${id}`)}
                      </button>
                    ))}
                  </fieldset>
                  {source && (
                    <>
                      <input
                        id={ids.file}
                        type="file"
                        accept="application/json,.json"
                        className="visually-hidden"
                        onChange={(e) => void onImport(e)}
                        data-testid="template-import-file"
                      />
                      <label htmlFor={ids.file} className="button tpl-import">
                        {t('templates.gallery.import')}
                      </label>
                    </>
                  )}
                </div>
                {pending && 'errors' in pending && (
                  <div className="tpl-errors" role="alert" data-testid="template-import-errors">
                    <p>{t('templates.gallery.invalidFile')}</p>
                    <ul>
                      {pending.errors.slice(0, 12).map((error) => (
                        <li key={error}>
                          <code>{error}</code>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {pending && 'exists' in pending && source && (
                  <div className="tpl-errors" role="alert">
                    <p>{t('templates.gallery.exists', { id: pending.template.id })}</p>
                    <button
                      type="button"
                      className="button"
                      onClick={() => void upload(source, pending.template, true)}
                    >
                      {t('templates.gallery.replace')}
                    </button>
                  </div>
                )}
                <p className="muted small" aria-live="polite">
                  {source && load.state === 'loading'
                    ? t('templates.gallery.loading')
                    : source && load.state === 'denied'
                      ? t('templates.libraries.refused')
                      : source && load.state === 'failed'
                        ? t('templates.gallery.failed', { reason: load.reason })
                        : t('templates.gallery.count', { count: shown.length })}
                </p>
                {shown.length === 0 && load.state !== 'loading' && (
                  <p className="tpl-empty">
                    {source && templates.length === 0
                      ? t('templates.gallery.emptyLibrary')
                      : t('templates.gallery.empty')}
                  </p>
                )}
                <ul className="tpl-grid" data-testid="template-grid">
                  {shown.map((template) => (
                    <li key={template.id}>
                      <button
                        type="button"
                        className="tpl-card"
                        onClick={() => open(template)}
                        data-testid={`template-card-${template.id}`}
                      >
                        <TemplateThumbnail
                          className="tpl-thumb"
                          template={template}
                          lang={lang}
                          detail="thumbnail"
                          alt=""
                        />
                        <span className="tpl-card-title">{template.title[lang]}</span>
                        <span className="tpl-card-meta">
                          <span className={`tpl-chip tpl-cat-${template.category}`}>
                            {t(`templates.categories.${template.category}`)}
                          </span>
                          <span>{formatDuration(template.durationMinutes, lang)}</span>
                          <span>
                            {t('templates.preview.people', {
                              min: template.participants.min,
                              max: template.participants.max,
                            })}
                          </span>
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      </div>
    </Modal>
  )
}
