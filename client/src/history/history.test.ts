import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { createRegistry } from '../commands/registry.js'
import type { CommandContext } from '../commands/types.js'
import { FRAME_STROKE } from '../items/theme.js'
import { ViewStore } from '../store/ViewStore.js'
import { openHistory } from './commands.js'
import { versionPreviewUrl } from './preview.js'

const svgOf = (url: string | null) =>
  decodeURIComponent((url ?? '').replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))

describe('version preview', () => {
  it('draws nothing for an empty board', () => {
    expect(versionPreviewUrl([])).toBeNull()
  })

  it('draws frames under the other items and shows the notes’ texts', () => {
    const items: ItemSnapshot[] = [
      {
        id: 'n1',
        type: 'note',
        x: 40,
        y: 40,
        w: 200,
        h: 200,
        text: 'Guichet unique',
        color: '#fff3b0',
        z: 'a1',
      },
      { id: 'f1', type: 'frame', x: 0, y: 0, w: 800, h: 600, text: 'Idées', z: 'a0' },
      { id: 's1', type: 'stroke', x: 300, y: 300, w: 50, h: 50, points: [0, 0, 50, 50], color: '#1f2933' },
    ]
    const svg = svgOf(versionPreviewUrl(items))
    expect(svg).toContain('Guichet')
    expect(svg).toContain('d="M0 0L50 50"')
    expect(svg.indexOf(`stroke="${FRAME_STROKE}"`)).toBeGreaterThan(0)
    expect(svg.indexOf(`stroke="${FRAME_STROKE}"`)).toBeLessThan(svg.indexOf('fill="#fff3b0"'))
  })
})

describe('history.open command', () => {
  const context = (facilitator: boolean): CommandContext => ({
    board: {} as CommandContext['board'],
    view: new ViewStore(),
    readOnly: false,
    facilitator,
  })

  it('opens the history panel for a facilitator only', () => {
    const registry = createRegistry([openHistory])
    const participant = context(false)
    expect(registry.run('history.open', participant)).toBe(false)
    expect(participant.view.getState().panel).toBeNull()
    const facilitator = context(true)
    expect(registry.run('history.open', facilitator)).toBe(true)
    expect(facilitator.view.getState().panel).toBe('history')
  })
})
