import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { A4_LANDSCAPE, contentBox, placeOnPage } from './pageLayout.js'
import { pdfPages, stepPages } from './pdfPages.js'

describe('PDF page layout', () => {
  const box = contentBox(A4_LANDSCAPE)

  it('leaves margins, a header and a footer on an A4 landscape page', () => {
    expect(box).toEqual({ x: 12, y: 28, w: 273, h: 164 })
  })

  it('fits a wide region to the width, centred, without distortion', () => {
    const place = placeOnPage({ w: 2730, h: 500 })
    expect(place).toEqual({ x: 12, y: 28, width: 273, height: 50, scale: 0.1 })
  })

  it('fits a tall region to the height, centred across', () => {
    const place = placeOnPage({ w: 820, h: 1640 })
    expect(place.height).toBeCloseTo(164)
    expect(place.width).toBeCloseTo(82)
    expect(place.x).toBeCloseTo(12 + (273 - 82) / 2)
  })

  it('refuses an empty region with a message that says so', () => {
    expect(() => placeOnPage({ w: 0, h: 10 })).toThrow(/empty region/)
  })
})

describe('PDF pages', () => {
  const frame = (id: string, x: number, y: number): ItemSnapshot => ({
    id,
    type: 'frame',
    x,
    y,
    w: 300,
    h: 200,
    text: id,
  })
  const note: ItemSnapshot = { id: 'n', type: 'note', x: 10, y: 10, w: 100, h: 100 }

  it('give the board one page per frame in reading order', () => {
    const pages = pdfPages([frame('b', 400, 0), frame('c', 0, 300), frame('a', 0, 0), note], {
      kind: 'board',
    })
    expect(pages.map((page) => page.title)).toEqual(['a', 'b', 'c'])
  })

  it('give a board without frames, a frame or a selection one page', () => {
    expect(pdfPages([note], { kind: 'board' })).toHaveLength(1)
    expect(pdfPages([frame('a', 0, 0), frame('b', 400, 0)], { kind: 'frame', frameId: 'b' })).toHaveLength(1)
    expect(pdfPages([note], { kind: 'selection', ids: ['n'] })).toHaveLength(1)
    expect(pdfPages([], { kind: 'board' })).toHaveLength(0)
  })

  it('give one page per agenda step with a frame, in agenda order, titled by the step', () => {
    const items = [frame('Idées', 400, 0), frame('Vote', 0, 0), note]
    const pages = stepPages(items, [
      { title: 'Divergence', frameId: 'Idées' },
      { title: 'Accueil' },
      { title: 'Vote', frameId: 'Vote' },
      { title: 'Partage', frameId: 'Idées' },
      { title: 'Cadre supprimé', frameId: 'gone' },
    ])
    expect(pages.map((page) => page.title)).toEqual([
      '1. Divergence — Idées',
      '3. Vote',
      '4. Partage — Idées',
    ])
    expect(pages[0]?.bounds).toEqual(pdfPages(items, { kind: 'frame', frameId: 'Idées' })[0]?.bounds)
    expect(stepPages(items, [])).toEqual([])
  })
})
