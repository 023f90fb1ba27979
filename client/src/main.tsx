import { showPreviewPicture } from './canvas/previewOverlay.js'
import { parseRoute } from './lib/links.js'
import {
  announceCopyEmpty,
  announcePreview,
  localCopyName,
  previewPainted,
  readOpening,
} from './sync/localDatabase.js'

/** Longest the app waits for the local copy to say whether it has a picture (a stuck IndexedDB). */
const PREVIEW_WAIT_MS = 300

/**
 * The entry is a few kilobytes: on a board link it reads the board's preview picture from its
 * local copy and draws it at once, so a board seen before on this device is on screen while the
 * app (start.tsx) starts and the copy decodes. The app's scripts download meanwhile (index.html
 * preloads them, see vite.config.ts); they are run once the picture has been painted, as running
 * them first would hold the picture back by their evaluation.
 */
const route = parseRoute(window.location.pathname, window.location.hash)
if (route.page === 'board' && route.token && typeof indexedDB !== 'undefined') {
  const name = localCopyName(route.boardId)
  const opening = readOpening(name)
  announcePreview(opening.then(({ picture }) => (picture ? showPreviewPicture(picture) : false)))
  announceCopyEmpty(
    name,
    opening.then(({ empty }) => empty),
  )
}

/** Resolves once the picture is painted, at once when there is none, after PREVIEW_WAIT_MS at most. */
function previewSettled(): Promise<void> {
  const painted = previewPainted().then(
    (onScreen) => onScreen && new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  )
  return Promise.race([painted, new Promise((resolve) => setTimeout(resolve, PREVIEW_WAIT_MS))]).then(
    () => undefined,
  )
}

previewSettled()
  .then(() => import('./start.js'))
  .catch((error: unknown) => {
    const root = document.getElementById('root')
    if (root) root.textContent = `Atelier could not start: ${String(error)}`
  })
