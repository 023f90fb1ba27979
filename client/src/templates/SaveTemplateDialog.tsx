import {
  captureTemplate,
  type Lang,
  TEMPLATE_CATEGORIES,
  TEMPLATE_LIMITS,
  type Template,
  type TemplateCategory,
  TemplateValidationError,
  templateIdFrom,
} from '@atelier/shared'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { showToast } from '../lib/toasts.js'
import { ApiError } from '../sync/api.js'
import { Modal } from '../ui/Modal.js'
import { saveToLibrary } from './api.js'
import { downloadTemplate } from './files.js'
import { readSessionAgenda } from './insert.js'
import { readLibraries } from './libraries.js'

const DOWNLOAD = 'download'

/** Save the whole board or one frame as a template, into a lab library or as a `.json` file. */
export function SaveTemplateDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const { t, i18n } = useTranslation()
  const ids = {
    heading: useId(),
    scope: useId(),
    name: useId(),
    description: useId(),
    category: useId(),
    to: useId(),
  }
  const items = [...session.board.getItems().values()]
  const frames = items.filter((item) => item.type === 'frame')
  const selection = session.view.getState().selection
  const selectedFrame = frames.find((frame) => selection.length === 1 && frame.id === selection[0])
  const libraries = readLibraries(localStorage)

  const [scope, setScope] = useState(selectedFrame?.id ?? '')
  const [title, setTitle] = useState(selectedFrame?.text ?? session.board.getTitle())
  const [description, setDescription] = useState('')
  const [language, setLanguage] = useState<Lang>(i18n.language === 'en' ? 'en' : 'fr')
  const [category, setCategory] = useState<TemplateCategory>('ideation')
  const [destination, setDestination] = useState(libraries[0]?.id ?? DOWNLOAD)
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<Template | null>(null)

  const library = libraries.find((l) => l.id === destination) ?? null

  const store = async (template: Template, replace: boolean) => {
    if (!library) {
      downloadTemplate(template)
      showToast('info', t('templates.save.downloaded', { title: template.title[language] }))
      onClose()
      return
    }
    try {
      await saveToLibrary(library, template, replace)
      showToast('info', t('templates.save.saved', { title: template.title[language], library: library.name }))
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(template)
      else throw error
    }
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!scope && items.length === 0) {
      showToast('error', t('templates.save.nothing'))
      return
    }
    setBusy(true)
    try {
      const { boardId, token } = session
      const agenda = await readSessionAgenda(boardId, token).catch((error: unknown) => {
        // The layout is worth saving even when the run-sheet cannot be read: say what is missing.
        showToast(
          'error',
          t('templates.save.noAgenda', { reason: error instanceof Error ? error.message : String(error) }),
        )
        return []
      })
      const template = captureTemplate(items, {
        id: templateIdFrom(title),
        title,
        description,
        category,
        language,
        author: session.identity.getSnapshot().name,
        ...(library ? { lab: library.name } : {}),
        ...(scope ? { frameId: scope } : {}),
        untitledFrame: t('templates.save.untitledFrame', { lng: language }),
        agenda,
      })
      await store(template, false)
    } catch (error) {
      const reason =
        error instanceof TemplateValidationError
          ? error.errors.join('; ')
          : error instanceof Error
            ? error.message
            : ''
      showToast('error', t('templates.save.invalid', { reason }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal labelledBy={ids.heading} onClose={onClose} testId="save-template-dialog">
      <form className="tpl-save" onSubmit={onSubmit}>
        <h2 id={ids.heading}>{t('templates.save.title')}</h2>
        <label htmlFor={ids.scope}>{t('templates.save.scope')}</label>
        <select
          id={ids.scope}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          data-testid="save-template-scope"
        >
          <option value="">{t('templates.save.wholeBoard')}</option>
          {frames.map((frame) => (
            <option key={frame.id} value={frame.id}>
              {t('templates.save.frame', { title: frame.text || t('templates.save.untitledFrame') })}
            </option>
          ))}
        </select>
        <label htmlFor={ids.name}>{t('templates.save.name')}</label>
        <input
          id={ids.name}
          value={title}
          maxLength={TEMPLATE_LIMITS.title}
          onChange={(e) => setTitle(e.target.value)}
          required
          data-testid="save-template-name"
        />
        <label htmlFor={ids.description}>{t('templates.save.description')}</label>
        <textarea
          id={ids.description}
          value={description}
          rows={3}
          maxLength={TEMPLATE_LIMITS.text}
          placeholder={t('templates.save.descriptionPlaceholder')}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="save-template-description"
        />
        <fieldset className="tpl-radios">
          <legend>{t('templates.save.language')}</legend>
          {(['fr', 'en'] as const).map((lang) => (
            <label key={lang}>
              <input
                type="radio"
                name="template-language"
                value={lang}
                checked={language === lang}
                onChange={() => setLanguage(lang)}
              />
              {t(`templates.languages.${lang}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.category}>{t('templates.save.category')}</label>
        <select
          id={ids.category}
          value={category}
          onChange={(e) => setCategory(e.target.value as TemplateCategory)}
        >
          {TEMPLATE_CATEGORIES.map((id) => (
            <option key={id} value={id}>
              {t(`templates.categories.${id}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.to}>{t('templates.save.destination')}</label>
        <select
          id={ids.to}
          value={destination}
          onChange={(e) => setDestination(e.target.value)}
          data-testid="save-template-destination"
        >
          {libraries.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          <option value={DOWNLOAD}>{t('templates.save.download')}</option>
        </select>
        {libraries.length === 0 && <p className="muted small">{t('templates.save.noLibrary')}</p>}
        {conflict && (
          <div className="tpl-errors" role="alert">
            <p>{t('templates.gallery.exists', { id: conflict.id })}</p>
            <button type="button" className="button" onClick={() => void store(conflict, true)}>
              {t('templates.gallery.replace')}
            </button>
          </div>
        )}
        <div className="tpl-dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('templates.save.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="save-template-submit">
            {busy ? t('templates.save.saving') : t('templates.save.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
