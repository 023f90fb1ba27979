import { describe, expect, it } from 'vitest'
import { alignRects, distributeRects } from './align.js'

const rects = [
  { id: 'a', x: 0, y: 0, w: 100, h: 50 },
  { id: 'b', x: 150, y: 40, w: 50, h: 50 },
  { id: 'c', x: 400, y: 10, w: 100, h: 100 },
]

describe('align and distribute', () => {
  it('aligns on each edge and centre, moving only what must move', () => {
    expect(alignRects(rects, 'left')).toEqual(
      new Map([
        ['b', { x: 0, y: 40 }],
        ['c', { x: 0, y: 10 }],
      ]),
    )
    expect(alignRects(rects, 'right').get('a')).toEqual({ x: 400, y: 0 })
    expect(alignRects(rects, 'top').get('b')).toEqual({ x: 150, y: 0 })
    expect(alignRects(rects, 'bottom').get('a')).toEqual({ x: 0, y: 60 })
    expect(alignRects(rects, 'centerX').get('a')).toEqual({ x: 200, y: 0 })
    expect(alignRects(rects, 'centerY').get('c')).toEqual({ x: 400, y: 5 })
    expect(alignRects([rects[0] as never], 'left').size).toBe(0)
  })
  it('distributes with equal gaps, keeping the outermost in place', () => {
    const moved = distributeRects(rects, 'x')
    // span 0..500, sizes 250 → gap 125: b goes to 225.
    expect(moved).toEqual(new Map([['b', { x: 225, y: 40 }]]))
    expect(distributeRects(rects.slice(0, 2), 'x').size).toBe(0)
  })
})
