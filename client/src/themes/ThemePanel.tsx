import type { ColumnGroup } from '@atelier/shared'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { selectedFrame } from '../commands/helpers.js'
import { useView } from '../store/hooks.js'
import { applyThemes, proposeFrameThemes } from './themes.js'
import './themes.css'

/** The preview of "Regrouper par thème": the proposed columns, their titles editable, then accept or close. */
export function ThemePanel() {
  const session = useSession()
  const open = useView(session.view, (s) => s.panel === 'themes')
  const frame = open ? selectedFrame(session.ctx) : null
  return frame ? <Preview key={frame.id} frameId={frame.id} /> : null
}

function Preview({ frameId }: { frameId: string }) {
  const session = useSession()
  const { t } = useTranslation()
  const { board, view } = session
  const proposal = useMemo(() => proposeFrameThemes(board, frameId), [board, frameId])
  const [titles, setTitles] = useState(() => proposal.themes.map((theme) => theme.title))
  const textOf = (id: string) => board.getItem(id)?.text?.trim() || t('themes.untitledNote')
  const close = () => view.set({ panel: null })
  const groups: ColumnGroup[] = [
    ...proposal.themes.map((theme, i) => ({ title: titles[i] || theme.title, itemIds: theme.itemIds })),
    ...(proposal.unmatched.length > 0 ? [{ title: t('themes.others'), itemIds: proposal.unmatched }] : []),
  ]

  return (
    <section className="theme-panel" aria-labelledby="theme-panel-title" data-testid="theme-panel">
      <h2 id="theme-panel-title">{t('themes.title')}</h2>
      {proposal.themes.length === 0 ? (
        <p className="muted small">{t('themes.none')}</p>
      ) : (
        <p className="muted small">{t('themes.help')}</p>
      )}
      <ol className="theme-list">
        {proposal.themes.map((theme, i) => (
          <li key={theme.stem} data-testid="theme">
            <label className="visually-hidden" htmlFor={`theme-title-${i}`}>
              {t('themes.titleLabel', { index: i + 1 })}
            </label>
            <input
              id={`theme-title-${i}`}
              value={titles[i] ?? ''}
              maxLength={80}
              data-testid="theme-title"
              onChange={(e) => setTitles(titles.map((title, j) => (j === i ? e.target.value : title)))}
            />
            <ul>
              {theme.itemIds.map((id) => (
                <li key={id}>{textOf(id)}</li>
              ))}
            </ul>
          </li>
        ))}
        {proposal.unmatched.length > 0 && (
          <li data-testid="theme-others">
            <strong>{t('themes.others')}</strong>
            <ul>
              {proposal.unmatched.map((id) => (
                <li key={id}>{textOf(id)}</li>
              ))}
            </ul>
          </li>
        )}
      </ol>
      <div className="theme-actions">
        <button
          type="button"
          className="button primary"
          data-testid="theme-apply"
          disabled={proposal.themes.length === 0}
          onClick={() => {
            applyThemes(board, frameId, groups, session.ctx.author)
            close()
          }}
        >
          {t('themes.apply')}
        </button>
        <button type="button" className="button" onClick={close}>
          {t('themes.close')}
        </button>
      </div>
    </section>
  )
}
