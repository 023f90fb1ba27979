import { builtinTemplates, type CreateBoardResponse, type Lang, type Template } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../lib/links.js'
import { navigate } from '../lib/navigate.js'
import { rememberBoard } from '../lib/storage.js'
import { showToast } from '../lib/toasts.js'
import { createBoardFromBuiltin, createBoardFromLibrary, fetchLibrary } from './api.js'
import { parseLibraryLink, rememberLibrary, type SavedLibrary } from './libraries.js'
import { type TemplateChoice, TemplateGallery } from './TemplateGallery.js'
import { TemplateThumbnail } from './TemplateThumbnail.js'
import './templates.css'

/** Shown first on the landing page: one of each purpose. */
const FEATURED = ['ideation', 'lewin-change', 'swot-ffom', 'user-journey']

type Open = { library: SavedLibrary | null; template: Template | null } | null

/**
 * The landing page's "start from a template": a few thumbnails and the whole gallery. Also
 * opens a lab library link (`/?library=<id>#<token>`) straight into that library.
 */
export function TemplateStart() {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fr'
  const [open, setOpen] = useState<Open>(null)

  useEffect(() => {
    const link = parseLibraryLink(window.location.href)
    if (!link) return
    // The token leaves the address bar at once; it is kept on this device like a board's.
    window.history.replaceState(null, '', '/')
    fetchLibrary(link).then(
      (library) => {
        const saved = { id: library.id, name: library.name, token: link.token }
        rememberLibrary(localStorage, saved)
        setOpen({ library: saved, template: null })
      },
      () => showToast('error', t('templates.libraries.refused')),
    )
  }, [t])

  const onUse = async ({ template, library, title }: TemplateChoice) => {
    const created: CreateBoardResponse = library
      ? await createBoardFromLibrary(library, template.id, title, lang)
      : await createBoardFromBuiltin(title, template.id, lang)
    rememberBoard(localStorage, {
      id: created.id,
      title,
      role: 'facilitator',
      token: created.tokens.facilitator,
      tokens: created.tokens,
    })
    navigate(boardLink('', created.id, created.tokens.facilitator))
  }

  const featured = FEATURED.map((id) => builtinTemplates().find((tpl) => tpl.id === id)).filter(
    (tpl): tpl is Template => tpl !== undefined,
  )

  return (
    <section className="card tpl-start" aria-labelledby="tpl-start-heading">
      <div className="tpl-start-head">
        <div>
          <h2 id="tpl-start-heading">{t('templates.start.title')}</h2>
          <p className="muted">{t('templates.start.intro')}</p>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => setOpen({ library: null, template: null })}
          data-testid="template-start"
        >
          {t('templates.start.browse')}
        </button>
      </div>
      <ul className="tpl-featured">
        {featured.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="tpl-card"
              onClick={() => setOpen({ library: null, template })}
              data-testid={`template-featured-${template.id}`}
            >
              <TemplateThumbnail
                className="tpl-thumb"
                template={template}
                lang={lang}
                detail="thumbnail"
                alt=""
              />
              <span className="tpl-card-title">{template.title[lang]}</span>
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <TemplateGallery
          mode="create"
          initialLibrary={open.library}
          initialTemplate={open.template}
          onClose={() => setOpen(null)}
          onUse={onUse}
        />
      )}
    </section>
  )
}
