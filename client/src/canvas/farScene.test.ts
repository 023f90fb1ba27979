import { describe, expect, it } from 'vitest'
import { TestEditor } from '../../test/TestEditor.js'
import { drawFarScene } from './farScene.js'

/** A 2D context that writes down what is drawn: each call with the fill colour at that moment. */
function recordingContext() {
  const calls: string[] = []
  const state: Record<string, unknown> = { fillStyle: '', strokeStyle: '' }
  const ctx = new Proxy(state, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (key in target) return target[key]
      return (...args: unknown[]) => {
        if (key === 'fill' || key === 'fillRect') calls.push(`${key} ${String(target.fillStyle)}`)
        else if (key === 'rect') calls.push(`rect ${args.slice(0, 2).join(',')}`)
        else if (key === 'fillText') calls.push(`fillText ${String(args[0])}`)
        else if (key === 'ellipse') calls.push(`ellipse ${args.slice(2, 4).join(',')}`)
        else if (key === 'strokeRect' || key === 'stroke') calls.push(key)
      }
    },
    set(target, key, value) {
      target[key as string] = value
      return true
    },
  }) as unknown as CanvasRenderingContext2D
  return { ctx, calls }
}

const VIEW = { x: -1000, y: -1000, w: 4000, h: 4000 }

function board() {
  const editor = new TestEditor()
  editor.create(
    { type: 'frame', x: 0, y: 0, w: 800, h: 600, text: 'Idées' },
    { type: 'note', x: 20, y: 20, color: '#FFF3A3' },
    { type: 'note', x: 300, y: 20, color: '#FFF3A3' },
    { type: 'note', x: 20, y: 300, color: '#C7F0D8' },
  )
  return editor
}

describe('the far view', () => {
  it('paints one layer at a time: sections alone, then what they hold', () => {
    const editor = board()
    const background = recordingContext()
    drawFarScene(background.ctx, editor.board, VIEW, 0.2, { layer: 'background' })
    expect(background.calls.filter((call) => call.startsWith('rect'))).toEqual([])
    expect(background.calls).toContain('strokeRect')
    expect(background.calls).toContain('fillText Idées')

    const content = recordingContext()
    drawFarScene(content.ctx, editor.board, VIEW, 0.2, { layer: 'content' })
    expect(content.calls).not.toContain('strokeRect')
    expect(content.calls).not.toContain('fillText Idées')
    expect(content.calls.filter((call) => call.startsWith('rect'))).toHaveLength(3)
  })

  it('draws a shape by its own outline, white as up close, not as a coloured block', () => {
    const editor = new TestEditor()
    editor.create({ type: 'shape', shape: 'ellipse', x: 0, y: 0, w: 1700, h: 1700, locked: true })
    const { ctx, calls } = recordingContext()
    drawFarScene(ctx, editor.board, VIEW, 0.2)
    expect(calls).toEqual(['ellipse 850,850', 'fill #ffffff', 'stroke'])
  })

  it('fills the notes of one colour at once, and draws everything without a layer', () => {
    const editor = board()
    const { ctx, calls } = recordingContext()
    drawFarScene(ctx, editor.board, VIEW, 0.2)
    expect(calls.filter((call) => call.startsWith('fill '))).toEqual(['fill #FFF3A3', 'fill #C7F0D8'])
    expect(calls.indexOf('strokeRect')).toBeLessThan(calls.indexOf('fill #FFF3A3'))
  })
})
