import { describe, expect, it } from 'vitest'
import type { ItemSnapshot } from '../schema/types.js'
import { COLUMN_TITLE_HEIGHT, planColumns } from './columns.js'

const note = (id: string, x = 50, y = 50): ItemSnapshot => ({ id, type: 'note', x, y, w: 200, h: 200 })

describe('planColumns', () => {
  const items: ItemSnapshot[] = [
    { id: 'f', type: 'frame', x: 0, y: 0, w: 400, h: 300 },
    { id: 'prompt', type: 'text', x: 10, y: 10, w: 300, h: 40, text: 'Comment… ?' },
    note('a'),
    note('b'),
    note('c'),
  ]

  it('puts a titled column per theme below the prompt, notes stacked, the frame grown to hold them', () => {
    const plan = planColumns(
      items,
      'f',
      [
        { title: 'Accueil', itemIds: ['a', 'c'] },
        { title: 'Autres idées', itemIds: ['b'] },
      ],
      20,
    )
    if (!plan) throw new Error('no plan')
    expect(plan.titles.map((title) => [title.text, title.x, title.y])).toEqual([
      ['Accueil', 20, 70],
      ['Autres idées', 240, 70],
    ])
    const firstNoteY = 70 + COLUMN_TITLE_HEIGHT + 10
    expect(plan.moves.get('a')).toEqual({ x: 20, y: firstNoteY })
    expect(plan.moves.get('c')).toEqual({ x: 20, y: firstNoteY + 220 })
    expect(plan.moves.get('b')).toEqual({ x: 240, y: firstNoteY })
    expect(plan.resize).toEqual({ id: 'f', w: 460, h: firstNoteY + 420 + 20 })
  })

  it('moves the frame beside it when the columns widen the frame', () => {
    const plan = planColumns(
      [...items, { id: 'next', type: 'frame', x: 420, y: 0, w: 400, h: 300 }],
      'f',
      [
        { title: 'A', itemIds: ['a'] },
        { title: 'B', itemIds: ['b'] },
      ],
      20,
    )
    expect(plan?.resize?.w).toBe(460)
    expect(plan?.moves.get('next')).toEqual({ x: 480, y: 0 })
  })

  it('refuses what is not a frame', () => {
    expect(planColumns(items, 'a', [])).toBeNull()
  })
})
