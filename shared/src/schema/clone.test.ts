import { describe, expect, it } from 'vitest'
import { cloneItems, copyable } from './clone.js'
import type { ItemSnapshot } from './types.js'

function seeded() {
  let n = 0
  return () => `new${n++}`
}

const note = (id: string, extra: Partial<ItemSnapshot> = {}): ItemSnapshot => ({
  id,
  type: 'note',
  x: 0,
  y: 0,
  w: 200,
  h: 200,
  ...extra,
})

describe('cloneItems', () => {
  it('gives every copy a fresh id in order, moved by the offset', () => {
    const { items, ids } = cloneItems([note('a'), note('b', { x: 10 })], {
      offset: { x: 5, y: -5 },
      newId: seeded(),
      outside: 'keep',
    })
    expect(items.map((item) => [item.id, item.x, item.y])).toEqual([
      ['new0', 5, -5],
      ['new1', 15, -5],
    ])
    expect([...ids]).toEqual([
      ['a', 'new0'],
      ['b', 'new1'],
    ])
  })

  it('makes each copied group a new group, shared by the copies of its members only', () => {
    const { items } = cloneItems(
      [note('a', { groupId: 'g1' }), note('b', { groupId: 'g1' }), note('c', { groupId: 'g2' })],
      { newId: seeded(), outside: 'keep' },
    )
    const groups = items.map((item) => item.groupId)
    expect(groups[0]).toBe(groups[1])
    expect(groups[0]).not.toBe('g1')
    expect(groups[2]).not.toBe('g2')
    expect(groups[2]).not.toBe(groups[0])
  })

  it('remaps connector ends and frame children that were copied along', () => {
    const arrow: ItemSnapshot = { ...note('arrow'), type: 'connector', from: 'a', to: 'frame' }
    const { items, ids } = cloneItems([note('frame', { type: 'frame' }), note('a'), arrow], {
      newId: seeded(),
      outside: 'throw',
    })
    expect(items[2]).toMatchObject({ from: ids.get('a'), to: ids.get('frame') })
    const child = cloneItems(
      [
        { id: 'f', x: 0, y: 0 },
        { id: 'n', x: 0, y: 0, frameId: 'f' },
      ],
      {
        newId: seeded(),
        outside: 'throw',
      },
    )
    expect(child.items[1]?.frameId).toBe(child.ids.get('f'))
  })

  it('keeps, drops or refuses a reference to an item left behind, as asked', () => {
    const arrow: ItemSnapshot = { ...note('arrow'), type: 'connector', from: 'a', to: 'elsewhere' }
    const kept = cloneItems([note('a'), arrow], { newId: seeded(), outside: 'keep' })
    expect(kept.items[1]).toMatchObject({ from: kept.ids.get('a'), to: 'elsewhere' })
    expect(cloneItems([note('a'), arrow], { outside: 'drop' }).items.map((item) => item.type)).toEqual([
      'note',
    ])
    expect(() => cloneItems([note('a'), arrow], { outside: 'throw' })).toThrow(
      'item "arrow": to names "elsewhere", which is not among the items copied',
    )
    // A free end is no reference: the arrow comes along.
    const free: ItemSnapshot = { ...note('free'), type: 'connector', from: 'a' }
    expect(cloneItems([note('a'), free], { outside: 'drop' }).items).toHaveLength(2)
  })
})

describe('copyable', () => {
  it('leaves behind what made the original someone’s', () => {
    const original = note('a', {
      author: 'p',
      createdAt: 1,
      locked: true,
      z: 'a0',
      color: '#fff',
      example: true,
    })
    expect(copyable(original)).toEqual({ id: 'a', type: 'note', x: 0, y: 0, w: 200, h: 200, color: '#fff' })
  })
})
