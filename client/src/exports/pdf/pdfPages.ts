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

/** What a page per agenda step needs of a step. */
export interface PdfStep {
  title: string
  frameId?: string | undefined
}

/**
 * The pages of the PDF "per agenda step": one page per step, in the agenda's order, showing the
 * frame the step brings everyone to, under the step's number and title (and the frame's name when
 * it says something else). A step without a frame, or whose frame is gone, has no page; two steps
 * on one frame each get their page, so the PDF follows the workshop as it was planned.
 */
export function stepPages(items: readonly ItemSnapshot[], steps: readonly PdfStep[]): ExportRegion[] {
  return steps.flatMap((step, index) => {
    const region = step.frameId ? exportRegion(items, { kind: 'frame', frameId: step.frameId }) : null
    if (!region) return []
    const heading = `${index + 1}. ${step.title.trim()}`
    const frame = region.title?.trim()
    return [{ ...region, title: frame && frame !== step.title.trim() ? `${heading} — ${frame}` : heading }]
  })
}
