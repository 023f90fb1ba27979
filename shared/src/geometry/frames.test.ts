import { describe, expect, it } from 'vitest'
import { frameContents } from './frames.js'

describe('frameContents', () => {
  const items = [
    { id: 'outer', type: 'frame', x: 0, y: 0, w: 1000, h: 1000 },
    { id: 'inner', type: 'frame', x: 100, y: 100, w: 300, h: 300 },
    { id: 'n1', type: 'note', x: 150, y: 150, w: 100, h: 100 },
    { id: 'n2', type: 'note', x: 600, y: 600, w: 100, h: 100 },
    { id: 'out', type: 'note', x: 2000, y: 0, w: 100, h: 100 },
    // Centre outside even though it overlaps: not carried.
    { id: 'edge', type: 'note', x: 950, y: 0, w: 200, h: 100 },
  ]
  it('carries the items whose centre is inside, through nested frames', () => {
    expect([...frameContents(['outer'], items)].sort()).toEqual(['inner', 'n1', 'n2'])
    expect([...frameContents(['inner'], items)]).toEqual(['n1'])
    expect(frameContents(['n1'], items).size).toBe(0)
  })
})
