import type { ItemSnapshot } from '@atelier/shared'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import fr from '../i18n/locales/fr/a11y.json'
import core from '../i18n/locales/fr/core.json'
import { addItemDetails, itemDetails } from './announcer.js'
import { colorKey, describeItem, zoneOf } from './describe.js'
import { navigate, navigationOrder } from './navigationOrder.js'

const note = (id: string, x: number, y: number, extra: Partial<ItemSnapshot> = {}): ItemSnapshot => ({
  id,
  type: 'note',
  x,
  y,
  w: 100,
  h: 100,
  ...extra,
})
const frame = (id: string, x: number, y: number, w: number, h: number, text = id): ItemSnapshot => ({
  id,
  type: 'frame',
  x,
  y,
  w,
  h,
  text,
})
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id)

describe('navigation order', () => {
  it('visits each frame, then what it holds, before the next frame', () => {
    const items = [
      frame('right', 600, 0, 500, 500),
      note('in-right', 650, 100),
      frame('left', 0, 0, 500, 500),
      note('in-left-2', 300, 100),
      note('in-left-1', 50, 100),
      note('free', 0, 900),
      { ...note('link', 0, 0), type: 'connector' as const },
    ]
    expect(ids(navigationOrder(items))).toEqual([
      'left',
      'in-left-1',
      'in-left-2',
      'right',
      'in-right',
      'free',
    ])
  })

  it('puts a note of a nested frame under the inner frame', () => {
    const items = [frame('outer', 0, 0, 1000, 1000), frame('inner', 100, 100, 400, 400), note('n', 150, 150)]
    expect(ids(navigationOrder(items))).toEqual(['outer', 'inner', 'n'])
  })

  it('moves one step and stops at the ends; starts at the first or last item', () => {
    const order = navigationOrder([note('a', 0, 0), note('b', 200, 0), note('c', 400, 0)])
    expect(navigate(order, null, 'next')).toBe('a')
    expect(navigate(order, null, 'previous')).toBe('c')
    expect(navigate(order, 'a', 'next')).toBe('b')
    expect(navigate(order, 'c', 'next')).toBe('c')
    expect(navigate(order, 'a', 'previous')).toBe('a')
    expect(navigate(order, 'b', 'last')).toBe('c')
    expect(navigate(order, 'b', 'first')).toBe('a')
    expect(navigate(order, 'gone', 'next')).toBe('a')
    expect(navigate([], null, 'next')).toBeNull()
  })
})

describe('spoken description', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'fr', resources: { fr: { translation: { a11y: fr, colors: core.colors } } } })
  })
  const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options)

  it('names kind, position, text, colour and the details other features add', () => {
    const item = note('n', 0, 0, { text: 'Moins de papier', color: '#FFF3A3' })
    expect(describeItem(t, item, { index: 2, total: 12 }, ['2 votes'])).toBe(
      'Post-it 3 sur 12 : Moins de papier, Jaune, 2 votes',
    )
  })

  it('names the zone of its frame an item is at, where the frame names its places', () => {
    const scale = {
      ...frame('scale', 0, 0, 1000, 300, '2. Décisionnel'),
      zones: [
        { title: 'Fermée', x: 0.1, y: 0.5 },
        { title: 'Ouverte', x: 0.9, y: 0.5 },
      ],
    }
    const token = note('t', 850, 100)
    const plain = frame('plain', 2000, 0, 500, 500)
    expect(zoneOf(token, [scale, token])).toBe('Ouverte')
    expect(zoneOf(note('elsewhere', 2100, 100), [scale, plain])).toBeNull()
    expect(zoneOf(scale, [scale])).toBeNull()
  })

  it('says an empty item is empty, a locked one is locked, and no colour it cannot name', () => {
    const item = frame('f', 0, 0, 10, 10, '  ')
    expect(describeItem(t, { ...item, locked: true }, { index: 0, total: 1 })).toBe(
      'Cadre 1 sur 1 : vide, verrouillé',
    )
    expect(colorKey('#123456')).toBeNull()
    expect(colorKey(undefined)).toBeNull()
  })

  it('gathers details from the features mounted, and forgets a removed source', () => {
    const item = note('n', 0, 0)
    const remove = addItemDetails((it) => (it.id === 'n' ? ['1er'] : []))
    expect(itemDetails(item)).toEqual(['1er'])
    remove()
    expect(itemDetails(item)).toEqual([])
  })
})
