import type { ItemSnapshot } from '@atelier/shared'
import { type ExportRegion, type ExportScope, exportRegion, framesInReadingOrder } from '../image/region.js'

/**
 * The pages of a board's PDF: the whole board gives one page per frame in reading order (the
 * board itself on one page when it has no frame); a frame or a selection gives one page.
 */
export function pdfPages(items: readonly ItemSnapshot[], scope: ExportScope): ExportRegion[] {
  if (scope.kind === 'board') {
    const frames = framesInReadingOrder(items)
    if (frames.length > 0) {
      return frames.flatMap((frame) => exportRegion(items, { kind: 'frame', frameId: frame.id }) ?? [])
    }
  }
  const region = exportRegion(items, scope)
  return region ? [region] : []
}
