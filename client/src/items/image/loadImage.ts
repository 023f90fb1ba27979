/**
 * One HTMLImageElement per image URL, shared by every view of it (the canvas may mount and
 * unmount an image item many times while panning; the browser decodes it once).
 */
const cache = new Map<string, HTMLImageElement>()

export function loadImage(url: string, onLoad: (image: HTMLImageElement) => void): () => void {
  let image = cache.get(url)
  if (!image) {
    image = new Image()
    image.decoding = 'async'
    image.src = url
    cache.set(url, image)
  }
  const ready = image
  if (ready.complete && ready.naturalWidth > 0) {
    onLoad(ready)
    return () => {}
  }
  const handler = () => onLoad(ready)
  ready.addEventListener('load', handler)
  return () => ready.removeEventListener('load', handler)
}
