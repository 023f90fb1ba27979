import type { Lang } from '@atelier/shared'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { takeVersion } from '../history/api.js'
import { showToast } from '../lib/toasts.js'
import { MenuButton } from '../ui/MenuButton.js'
import { appendToSession, insertTemplate } from './insert.js'
import type { TemplateChoice } from './TemplateGallery.js'
import './templates.css'
import { useSession } from '../board/context.js'

// Loaded when the facilitator opens them (the gallery holds the built-in templates), not with the board.
const TemplateGallery = lazy(() =>
  import('./TemplateGallery.js').then((m) => ({ default: m.TemplateGallery })),
)
const SaveTemplateDialog = lazy(() =>
  import('./SaveTemplateDialog.js').then((m) => ({ default: m.SaveTemplateDialog })),
)

type Dialog = 'insert' | 'save' | null

/** The board's "Templates" menu (facilitators): insert a template, save the board as one. */
export function TemplatesMenu() {
  const session = useSession()
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fr'
  const [dialog, setDialog] = useState<Dialog>(null)

  const onInsert = async ({ template }: TemplateChoice) => {
    // A version of the board just before the template lands, so the facilitator can go back to it.
    try {
      await takeVersion(session.boardId, session.token, 'template')
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      showToast('error', t('history.templateVersionError', { reason }))
    }
    const expansion = insertTemplate(session.board, session.view, template, lang)
    setDialog(null)
    const title = template.title[lang]
    if (expansion.agenda.length === 0) {
      showToast('info', t('templates.preview.inserted', { title }))
      return
    }
    try {
      await appendToSession(session.boardId, session.token, expansion)
      showToast('info', t('templates.preview.inserted', { title }))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      showToast('error', t('templates.preview.insertedNoAgenda', { title, reason }))
    }
  }

  return (
    <>
      <MenuButton label={t('templates.board.menu')} testId="templates-menu">
        {(close) => (
          <>
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                close()
                setDialog('insert')
              }}
              data-testid="templates-insert"
            >
              {t('templates.board.insert')}
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                close()
                setDialog('save')
              }}
              data-testid="templates-save"
            >
              {t('templates.board.save')}
            </button>
          </>
        )}
      </MenuButton>
      <Suspense fallback={null}>
        {dialog === 'insert' && (
          <TemplateGallery mode="insert" onClose={() => setDialog(null)} onUse={onInsert} />
        )}
        {dialog === 'save' && <SaveTemplateDialog onClose={() => setDialog(null)} />}
      </Suspense>
    </>
  )
}
