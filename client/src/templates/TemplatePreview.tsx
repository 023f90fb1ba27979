import type { Lang, Template } from '@atelier/shared'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDuration } from './filter.js'
import { TemplateThumbnail } from './TemplateThumbnail.js'

/** Everything a facilitator wants to know before using a template; `actions` are the caller's. */
export function TemplatePreview({
  template,
  lang,
  onBack,
  actions,
}: {
  template: Template
  lang: Lang
  onBack: () => void
  actions: ReactNode
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const title = template.title[lang]
  return (
    <article className="tpl-preview" aria-labelledby={headingId} data-testid="template-preview">
      <button type="button" className="button tpl-back" onClick={onBack} data-testid="template-preview-back">
        ← {t('templates.preview.back')}
      </button>
      <div className="tpl-preview-body">
        <div className="tpl-preview-image">
          <TemplateThumbnail
            template={template}
            lang={lang}
            detail="preview"
            alt={t('templates.gallery.preview', { title })}
          />
        </div>
        <div className="tpl-preview-side">
          <span className={`tpl-chip tpl-cat-${template.category}`}>
            {t(`templates.categories.${template.category}`)}
          </span>
          <h3 id={headingId}>{title}</h3>
          <p>{template.description[lang]}</p>
          <dl className="tpl-facts">
            <div>
              <dt>{t('templates.preview.duration')}</dt>
              <dd>{formatDuration(template.durationMinutes, lang)}</dd>
            </div>
            <div>
              <dt>{t('templates.preview.participants')}</dt>
              <dd>
                {t('templates.preview.participantsRange', {
                  min: template.participants.min,
                  max: template.participants.max,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('templates.preview.author')}</dt>
              <dd>{template.lab ? `${template.author} · ${template.lab}` : template.author}</dd>
            </div>
            <div>
              <dt>{t('templates.preview.licence')}</dt>
              <dd>
                {template.licence} · {t('templates.preview.version')} {template.version}
              </dd>
            </div>
          </dl>
          {template.language && (
            <p className="muted small">
              {t('templates.preview.language', { language: t(`templates.languages.${template.language}`) })}
            </p>
          )}
          <div className="tpl-actions">{actions}</div>
          <h4>{t('templates.preview.agenda')}</h4>
          {template.agenda.length === 0 ? (
            <p className="muted small">{t('templates.preview.noAgenda')}</p>
          ) : (
            <ol className="tpl-agenda" data-testid="template-preview-agenda">
              {template.agenda.map((step) => (
                <li key={step.id}>
                  <span className="tpl-agenda-title">{step.title[lang]}</span>
                  <span className="tpl-agenda-meta">
                    {formatDuration(step.durationMinutes, lang)}
                    {step.mode === 'private' && ` · ${t('templates.preview.private')}`}
                    {step.vote && ` · ${t('templates.preview.vote', { budget: step.vote.budget })}`}
                    {step.poll && ` · ${t('templates.preview.poll')}`}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {template.decks.length > 0 && (
            <>
              <h4>{t('templates.preview.decks')}</h4>
              <ul className="tpl-decks">
                {template.decks.map((deck) => (
                  <li key={deck.id}>
                    {t('templates.preview.deckCards', { title: deck.title[lang], count: deck.cards.length })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('templates.preview.facilitation')}</h4>
          <p className="small">{template.facilitation[lang]}</p>
        </div>
      </div>
    </article>
  )
}
