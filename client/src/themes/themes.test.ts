import { createItem, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { TestEditor } from '../../test/TestEditor.js'
import { applyThemes, proposeFrameThemes } from './themes.js'

describe('Regrouper par thème', () => {
  it('proposes the frame’s themes, arranges them in titled columns, and one undo takes it all back', () => {
    const editor = new TestEditor({ facilitator: true })
    const { doc, board, view, registry, ctx } = editor
    const frame = createItem(doc, { type: 'frame', x: 0, y: 0, w: 600, h: 400, text: 'Idées' })
    const texts = [
      'Former les agents',
      'Des formations courtes',
      "Simplifier l'accueil",
      'Accueil unique',
      'Un café',
    ]
    for (const [i, text] of texts.entries()) createItem(doc, { type: 'note', x: 20 + i * 5, y: 20, text })
    view.set({ selection: [frame] })
    expect(registry.isEnabled('groupByTheme', ctx)).toBe(true)
    expect(registry.isEnabled('groupByTheme', { ...ctx, facilitator: false })).toBe(false)

    const proposal = proposeFrameThemes(board, frame)
    expect(proposal.themes.map((theme) => theme.title)).toEqual(['Formation', 'Accueil'])
    const before = readItems(doc)
    applyThemes(board, frame, [
      ...proposal.themes.map((theme) => ({ title: theme.title, itemIds: theme.itemIds })),
      { title: 'Autres idées', itemIds: proposal.unmatched },
    ])
    const after = readItems(doc)
    expect(after.filter((item) => item.type === 'text').map((item) => item.text)).toEqual([
      'Formation',
      'Accueil',
      'Autres idées',
    ])
    const x = (text: string) => after.find((item) => item.text === text)?.x
    expect(x('Former les agents')).toBe(x('Des formations courtes'))
    expect(x('Accueil unique')).toBe(x('Accueil'))
    expect(x('Un café')).not.toBe(x('Former les agents'))

    registry.run('undo', ctx)
    expect(readItems(doc)).toEqual(before)
  })
})
