import { showPreviewPicture } from './canvas/previewOverlay.js'
import { parseRoute } from './lib/links.js'
import { announcePreview, localCopyName, readPreviewPicture } from './sync/localDatabase.js'

/**
 * The entry is a few kilobytes: on a board link it reads the board's preview picture from its
 * local copy and draws it at once, so a board seen before on this device is on screen while the
 * app's bundle (start.tsx, loaded here) loads and the copy decodes.
 */
const route = parseRoute(window.location.pathname, window.location.hash)
if (route.page === 'board' && route.token && typeof indexedDB !== 'undefined') {
  announcePreview(
    readPreviewPicture(localCopyName(route.boardId)).then((picture) =>
      picture ? showPreviewPicture(picture) : false,
    ),
  )
}

import('./start.js').catch((error: unknown) => {
  const root = document.getElementById('root')
  if (root) root.textContent = `Atelier could not start: ${String(error)}`
})
