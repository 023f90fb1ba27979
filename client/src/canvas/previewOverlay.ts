import type { PreviewPicture } from '../sync/localDatabase.js'

/** Longest a preview may stay up if nothing takes it down (the page failed to start). */
const MAX_PREVIEW_MS = 15_000
const CLASS = 'board-preview'

/**
 * Shows a board seen before on this device as its local copy last pictured it, over the page,
 * while the app's bundle loads and the copy decodes; the canvas proper takes it down once it has
 * drawn the board (`hideBoardPreview`). Drawn only if the window has the size and pixel ratio
 * the picture was made for: it is the board at the very camera it opens at. No imports beyond
 * a type: the page's entry (`main.tsx`) runs it before the app's bundle.
 * Resolves with whether it is on screen.
 */
export async function showPreviewPicture(picture: PreviewPicture): Promise<boolean> {
  const ratio = window.devicePixelRatio || 1
  if (
    picture.width !== window.innerWidth ||
    picture.height !== window.innerHeight ||
    picture.pixelRatio !== ratio
  )
    return false
  const bitmap = await createImageBitmap(picture.image)
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  canvas.className = CLASS
  // Styled here: the app's stylesheet is not loaded yet when the entry draws it.
  Object.assign(canvas.style, {
    position: 'fixed',
    inset: '0',
    width: '100%',
    height: '100%',
    zIndex: '1000',
    pointerEvents: 'none',
  })
  canvas.setAttribute('aria-hidden', 'true')
  const ctx = canvas.getContext('2d')
  if (!ctx) return false
  ctx.drawImage(bitmap, 0, 0)
  bitmap.close()
  document.body.append(canvas)
  setTimeout(hideBoardPreview, MAX_PREVIEW_MS)
  return true
}

/** Takes the preview down (nothing happens if none is up). */
export function hideBoardPreview(): void {
  for (const canvas of document.querySelectorAll(`canvas.${CLASS}`)) canvas.remove()
}
