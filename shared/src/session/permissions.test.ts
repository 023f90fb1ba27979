import { describe, expect, it } from 'vitest'
import { TOOL_PRESETS, toolsAllowItem, WRITING_TOOL_IDS } from './permissions.js'

describe('toolsAllowItem', () => {
  it('lets the simple preset create notes, text and strokes only', () => {
    const simple = TOOL_PRESETS.simple
    expect(toolsAllowItem(simple, { type: 'note' })).toBe(true)
    expect(toolsAllowItem(simple, { type: 'text' })).toBe(true)
    expect(toolsAllowItem(simple, { type: 'stroke' })).toBe(true)
    for (const type of ['frame', 'connector']) expect(toolsAllowItem(simple, { type })).toBe(false)
    for (const shape of ['rectangle', 'ellipse', 'diamond'])
      expect(toolsAllowItem(simple, { type: 'shape', shape })).toBe(false)
  })

  it('ties a shape to the tool of its outline', () => {
    expect(toolsAllowItem(['ellipse'], { type: 'shape', shape: 'ellipse' })).toBe(true)
    expect(toolsAllowItem(['ellipse'], { type: 'shape', shape: 'rectangle' })).toBe(false)
    expect(toolsAllowItem(WRITING_TOOL_IDS, { type: 'shape' })).toBe(false)
  })

  it('draws strokes with the highlighter alone, and never lets an unknown type through', () => {
    expect(toolsAllowItem(['highlighter'], { type: 'stroke' })).toBe(true)
    expect(toolsAllowItem([], { type: 'stroke' })).toBe(false)
    expect(toolsAllowItem(WRITING_TOOL_IDS, { type: 'widget' })).toBe(false)
  })

  it('leaves images to the upload token, whatever the tools', () => {
    expect(toolsAllowItem([], { type: 'image' })).toBe(true)
  })
})
