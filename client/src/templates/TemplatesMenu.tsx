import type { Lang } from '@atelier/shared'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseRoute } from '../lib/links.js'
import type { BoardSessionModel } from '../ui/session.js'
import { showToast } from '../ui/toasts.js'
import { appendToSession, insertTemplate } from './insert.js'
import { SaveTemplateDialog } from './SaveTemplateDialog.js'
import { type TemplateChoice, TemplateGallery } from './TemplateGallery.js'
import './templates.css'

type Dialog = 'insert' | 'save' | null

/** The board's "Templates" menu (facilitators): insert a template, save the board as one. */
export function TemplatesMenu({ session }: { session: BoardSessionModel }) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fr'
  const menuId = useId()
  const [expanded, setExpanded] = useState(false)
  const [dialog, setDialog] = useState<Dialog>(null)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!expanded) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setExpanded(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setExpanded(false)
    }
    window.addEventListener('pointerdown', onPointer)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('pointerdown', onPointer)
      window.removeEventListener('keydown', onKey)
    }
  }, [expanded])

  const choose = (next: Dialog) => {
    setExpanded(false)
    setDialog(next)
  }

  const onInsert = async ({ template }: TemplateChoice) => {
    const expansion = insertTemplate(session.board, session.view, template, lang)
    setDialog(null)
    const route = parseRoute(window.location.pathname, window.location.hash)
    const token = route.page === 'board' ? route.token : null
    const title = template.title[lang]
    if (expansion.agenda.length === 0 || !token) {
      showToast('info', t('templates.preview.inserted', { title }))
      return
    }
    try {
      await appendToSession(session.connection.boardId, token, expansion)
      showToast('info', t('templates.preview.inserted', { title }))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      showToast('error', t('templates.preview.insertedNoAgenda', { title, reason }))
    }
  }

  return (
    <div className="tpl-menu" ref={root}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls={menuId}
        onClick={() => setExpanded((v) => !v)}
        data-testid="templates-menu"
      >
        {t('templates.board.menu')}
      </button>
      {expanded && (
        <div className="tpl-menu-list" role="menu" id={menuId}>
          <button
            type="button"
            role="menuitem"
            onClick={() => choose('insert')}
            data-testid="templates-insert"
          >
            {t('templates.board.insert')}
          </button>
          <button type="button" role="menuitem" onClick={() => choose('save')} data-testid="templates-save">
            {t('templates.board.save')}
          </button>
        </div>
      )}
      {dialog === 'insert' && (
        <TemplateGallery mode="insert" onClose={() => setDialog(null)} onUse={onInsert} />
      )}
      {dialog === 'save' && <SaveTemplateDialog session={session} onClose={() => setDialog(null)} />}
    </div>
  )
}
