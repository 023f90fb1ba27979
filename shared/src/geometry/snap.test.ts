import { describe, expect, it } from 'vitest'
import { snapRect } from './snap.js'

describe('snapRect', () => {
  const target = { x: 100, y: 100, w: 100, h: 100 }
  it('snaps left edges and reports a vertical guide spanning both rects', () => {
    const { dx, dy, guides } = snapRect({ x: 103, y: 300, w: 50, h: 50 }, [target], 5)
    expect(dx).toBe(-3)
    expect(dy).toBe(0)
    expect(guides).toEqual([{ axis: 'x', at: 100, from: 100, to: 350 }])
  })
  it('snaps centres on the other axis and picks the closest candidate', () => {
    const { dy, guides } = snapRect({ x: 400, y: 126, w: 50, h: 50 }, [target], 5)
    expect(dy).toBe(-1) // centre 151 → 150
    expect(guides[0]?.axis).toBe('y')
  })
  it('leaves the rect alone beyond the threshold', () => {
    expect(snapRect({ x: 110, y: 320, w: 50, h: 50 }, [target], 5)).toEqual({ dx: 0, dy: 0, guides: [] })
  })
})
