import { describe, expect, it } from 'vitest'
import { countByAuthor, isIdle, type PersonActivity, sortPeople } from './activity.js'

const person = (id: string, patch: Partial<PersonActivity> = {}): PersonActivity => ({
  id,
  name: id,
  color: '#000',
  role: 'participant',
  hand: false,
  notes: 0,
  privateNotes: 0,
  lastActiveAt: 0,
  ...patch,
})

describe('sortPeople', () => {
  const people = [
    person('Zoé', { notes: 1, lastActiveAt: 50 }),
    person('Ali', { notes: 4, lastActiveAt: 10 }),
    person('Émile', { privateNotes: 3, lastActiveAt: 90 }),
    person('Bea', { hand: true }),
  ]

  it('ranks by contributions, then by last move, raised hands first', () => {
    expect(sortPeople(people, 'activity').map((p) => p.id)).toEqual(['Bea', 'Ali', 'Émile', 'Zoé'])
  })

  it('ranks by the latest move', () => {
    expect(sortPeople(people, 'recent').map((p) => p.id)).toEqual(['Bea', 'Émile', 'Zoé', 'Ali'])
  })

  it('sorts names the French way, accents included', () => {
    expect(sortPeople(people, 'name').map((p) => p.id)).toEqual(['Bea', 'Ali', 'Émile', 'Zoé'])
  })
})

describe('activity helpers', () => {
  it('count notes per author, ignoring other items and anonymous notes', () => {
    const counts = countByAuthor([
      { type: 'note', author: 'a' },
      { type: 'note', author: 'a' },
      { type: 'frame', author: 'a' },
      { type: 'note' },
      { type: 'note', author: 'b' },
    ])
    expect([...counts]).toEqual([
      ['a', 2],
      ['b', 1],
    ])
  })

  it('call someone idle after a minute without a move', () => {
    expect(isIdle(person('a', { lastActiveAt: 1_000 }), 30_000)).toBe(false)
    expect(isIdle(person('a', { lastActiveAt: 1_000 }), 62_000)).toBe(true)
  })
})
