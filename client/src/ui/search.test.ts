import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { fold } from './CommandPalette.js'
import { searchItems } from './SearchPanel.js'

const note = (id: string, text: string): ItemSnapshot => ({ id, type: 'note', x: 0, y: 0, w: 1, h: 1, text })

describe('search', () => {
  it('folds accents and case', () => {
    expect(fold('Écrire À Côté')).toBe('ecrire a cote')
  })
  it('finds items holding every word, whatever the accents, up to a limit', () => {
    const items = [
      note('a', 'Démarches en ligne'),
      note('b', 'Guichet unique'),
      note('c', 'Les démarches papier'),
    ]
    expect(searchItems(items, 'demarches').map((i) => i.id)).toEqual(['a', 'c'])
    expect(searchItems(items, 'LIGNE démarches').map((i) => i.id)).toEqual(['a'])
    expect(searchItems(items, '   ')).toEqual([])
    expect(searchItems(items, 'e', 2)).toHaveLength(2)
  })
})
