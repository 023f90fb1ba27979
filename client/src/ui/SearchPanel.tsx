import { centerOn, type ItemSnapshot } from '@atelier/shared'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { useView } from '../store/hooks.js'
import { fold } from './CommandPalette.js'

/** Items whose text holds every word of the query (accents and case ignored), in paint order. */
export function searchItems(items: Iterable<ItemSnapshot>, query: string, limit = 50): ItemSnapshot[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const found: ItemSnapshot[] = []
  for (const item of items) {
    if (!item.text) continue
    const text = fold(item.text)
    if (words.every((word) => text.includes(word))) found.push(item)
    if (found.length >= limit) break
  }
  return found
}

/** Ctrl/Cmd+F: find notes by their text and fly to them. */
export function SearchPanel() {
  const session = useSession()
  const open = useView(session.view, (s) => s.panel === 'search')
  return open ? <Search /> : null
}

function Search() {
  const session = useSession()
  const { t } = useTranslation()
  const { board, view } = session
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(-1)
  const results = useMemo(() => searchItems(board.pick(board.getItemIds()), query), [board, query])
  const close = () => view.set({ panel: null })

  const jump = (index: number) => {
    const item = results[index]
    if (!item) return
    setCurrent(index)
    const zoom = Math.max(view.getState().camera.zoom, 0.8)
    view.set({
      camera: centerOn({ x: item.x + item.w / 2, y: item.y + item.h / 2 }, view.getState().viewport, zoom),
      selection: [item.id],
    })
  }

  return (
    <section className="search-panel" aria-label={t('canvas.search.label')} data-testid="search-panel">
      <input
        // biome-ignore lint/a11y/noAutofocus: opened by Ctrl+F to type a query straight away.
        autoFocus
        type="search"
        value={query}
        placeholder={t('canvas.search.placeholder')}
        aria-label={t('canvas.search.label')}
        data-testid="search-input"
        onChange={(event) => {
          setQuery(event.target.value)
          setCurrent(-1)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            if (results.length > 0)
              jump((current + (event.shiftKey ? results.length - 1 : 1)) % results.length)
          } else if (event.key === 'Escape') {
            event.preventDefault()
            close()
          }
        }}
      />
      <p className="search-count" aria-live="polite">
        {query.trim() === ''
          ? t('canvas.search.hint')
          : results.length === 0
            ? t('canvas.search.none')
            : t('canvas.search.count', { count: results.length, current: Math.max(1, current + 1) })}
      </p>
      {results.length > 0 && (
        <ul className="search-results">
          {results.map((item, index) => (
            <li key={item.id}>
              <button
                type="button"
                className={index === current ? 'active' : undefined}
                data-testid="search-result"
                onClick={() => jump(index)}
              >
                <span className="search-swatch" style={{ background: item.color ?? '#e9ecef' }} />
                {item.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
