import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import { startBoardEarly } from './board/earlyStart.js'
import { BOARD_FONT_FAMILY } from './exports/image/boardFont.js'
import { setupI18n } from './i18n/index.js'
import { parseRoute } from './lib/links.js'
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/600.css'
import './styles/app.css'

/** The app proper, loaded by main.tsx once the preview is under way. */
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

/**
 * The canvas draws text once and measures it for layout: the board's font must be there first, or
 * notes would be drawn and wrapped in a fallback font. The sample text asks for the files of the
 * scripts exports embed (Latin, Latin Extended, Greek, Cyrillic), so the canvas draws them in the
 * same font. A font that fails to load is reported and the app starts with the fallback.
 */
function loadBoardFont(): Promise<unknown> {
  return Promise.all(
    ['400', '600'].map((weight) => document.fonts.load(`${weight} 16px "${BOARD_FONT_FAMILY}"`, 'aĳΩЖ')),
  ).catch((error: unknown) => console.error('the board font did not load', error))
}

const route = parseRoute(window.location.pathname, window.location.hash)
if (route.page === 'board' && route.token) startBoardEarly(route.boardId, route.token)

Promise.all([setupI18n(), loadBoardFont()])
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  })
  .catch((error: unknown) => {
    root.textContent = `Atelier could not start: ${String(error)}`
  })
