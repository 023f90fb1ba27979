import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { FRAME_TITLE_BAND } from '../../items/frame/frameUtil.js'
import { EXPORT_MARGIN, exportRegion, framesInReadingOrder } from './region.js'

const item = (
  id: string,
  type: ItemSnapshot['type'],
  x: number,
  y: number,
  w = 100,
  h = 100,
  extra = {},
): ItemSnapshot => ({
  id,
  type,
  x,
  y,
  w,
  h,
  ...extra,
})

const frameA = item('fa', 'frame', 0, 0, 400, 300, { text: 'Forces' })
const frameB = item('fb', 'frame', 500, 10, 400, 300, { text: 'Faiblesses' })
const noteInA = item('n1', 'note', 20, 40)
const noteInB = item('n2', 'note', 520, 40)
const noteOutside = item('n3', 'note', 2000, 2000)
/** Overlaps frame A's corner, but its centre is outside: not part of the frame. */
const noteOverlapping = item('n4', 'note', 350, -60)
const link = item('c1', 'connector', 0, 0, 0, 0, { from: 'n1', to: 'n2' })
const board = [frameA, frameB, noteInA, noteInB, noteOutside, link, noteOverlapping]

describe('export regions', () => {
  it('cover the whole board with a margin, frame titles included, connectors taking no room', () => {
    const region = exportRegion(board, { kind: 'board' })
    expect(region?.bounds).toEqual({
      x: -EXPORT_MARGIN,
      y: -60 - EXPORT_MARGIN,
      w: 2100 + 2 * EXPORT_MARGIN,
      h: 2160 + 2 * EXPORT_MARGIN,
    })
    expect(region?.items.map((i) => i.id)).toEqual(['fa', 'fb', 'n1', 'n2', 'n3', 'c1', 'n4'])
  })

  it('of a frame hold what it contains, named after it, and connectors only when both ends are in', () => {
    const region = exportRegion(board, { kind: 'frame', frameId: 'fa' })
    expect(region?.title).toBe('Forces')
    expect(region?.items.map((i) => i.id)).toEqual(['fa', 'n1'])
    expect(region?.bounds).toEqual({
      x: -EXPORT_MARGIN,
      y: -FRAME_TITLE_BAND - EXPORT_MARGIN,
      w: 400 + 2 * EXPORT_MARGIN,
      h: 300 + FRAME_TITLE_BAND + 2 * EXPORT_MARGIN,
    })
  })

  it('of a selection hold the selected items and the connectors between them', () => {
    const region = exportRegion(board, { kind: 'selection', ids: ['n1', 'n2'] })
    expect(region?.items.map((i) => i.id)).toEqual(['n1', 'n2', 'c1'])
    expect(region?.bounds).toEqual({
      x: 20 - EXPORT_MARGIN,
      y: 40 - EXPORT_MARGIN,
      w: 600 + 2 * EXPORT_MARGIN,
      h: 100 + 2 * EXPORT_MARGIN,
    })
  })

  it('are null when there is nothing to draw', () => {
    expect(exportRegion([], { kind: 'board' })).toBeNull()
    expect(exportRegion(board, { kind: 'frame', frameId: 'n1' })).toBeNull()
    expect(exportRegion(board, { kind: 'selection', ids: [] })).toBeNull()
  })

  it('read frames row by row, left to right', () => {
    const below = item('fc', 'frame', 0, 400, 400, 300)
    expect(framesInReadingOrder([below, frameB, frameA]).map((f) => f.id)).toEqual(['fa', 'fb', 'fc'])
  })
})
