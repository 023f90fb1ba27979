import { describe, expect, it } from 'vitest'
import { type Deck, drawCard } from './deck.js'
import { seededShuffle } from './random.js'
import { podiumOf, rankStandings } from './rank.js'
import { shuffleIntoTeams, teamOf } from './teams.js'

const deck: Deck = {
  id: 'defis',
  title: 'Cartes défi',
  cards: ['analogie', 'frugale', 'acronyme', 'petits-pas', 'persona'].map((id) => ({
    id,
    title: id,
    prompt: id,
  })),
}

describe('drawCard', () => {
  it('is deterministic for a deck, a history and a seed', () => {
    expect(drawCard(deck, [], 's1')).toEqual(drawCard(deck, [], 's1'))
    const seeds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
    expect(new Set(seeds.map((seed) => drawCard(deck, [], seed)?.id)).size).toBeGreaterThan(1)
  })

  it('draws every card once before any repeats, and never the same card twice in a row', () => {
    const drawn: string[] = []
    for (let i = 0; i < 5; i++) drawn.push(drawCard(deck, drawn, 'session')?.id as string)
    expect([...drawn].sort()).toEqual(deck.cards.map((c) => c.id).sort())
    const sixth = drawCard(deck, drawn, 'session')
    expect(sixth?.id).not.toBe(drawn.at(-1))
  })

  it('handles an empty or one-card deck', () => {
    expect(drawCard({ ...deck, cards: [] }, [], 's')).toBeNull()
    const one = { ...deck, cards: deck.cards.slice(0, 1) }
    expect(drawCard(one, ['analogie'], 's')?.id).toBe('analogie')
  })
})

describe('teams', () => {
  it('shuffles people evenly into teams, whatever order they are listed in', () => {
    const people = ['p1', 'p2', 'p3', 'p4', 'p5']
    const one = shuffleIntoTeams(people, ['a', 'b'], 'seed')
    const two = shuffleIntoTeams([...people].reverse(), ['a', 'b'], 'seed')
    expect(two).toEqual(one)
    const sizes = new Map<string, number>()
    for (const team of one.values()) sizes.set(team, (sizes.get(team) ?? 0) + 1)
    expect([...sizes.values()].sort()).toEqual([2, 3])
    expect(shuffleIntoTeams(people, [], 'seed').size).toBe(0)
  })

  it('finds a person’s team', () => {
    const book = {
      teams: [{ id: 'a', name: 'A', color: '#000000' }],
      members: new Map([
        ['p', 'a'],
        ['q', 'gone'],
      ]),
    }
    expect(teamOf(book, 'p')?.name).toBe('A')
    expect(teamOf(book, 'q')).toBeNull()
    expect(teamOf(book, 'r')).toBeNull()
  })

  it('shuffles with a seed', () => {
    expect(seededShuffle([1, 2, 3, 4], 'x')).toEqual(seededShuffle([1, 2, 3, 4], 'x'))
    expect([...seededShuffle([1, 2, 3, 4], 'x')].sort()).toEqual([1, 2, 3, 4])
  })
})

describe('ranking', () => {
  it('shares ranks on ties and skips the next', () => {
    const ranked = rankStandings([
      { id: 'c', points: 5 },
      { id: 'a', points: 9 },
      { id: 'b', points: 5 },
      { id: 'd', points: 1 },
      { id: 'e', points: 0 },
    ])
    expect(ranked.map((s) => `${s.id}${s.rank}`)).toEqual(['a1', 'b2', 'c2', 'd4', 'e5'])
    expect(podiumOf(ranked).map((s) => s.id)).toEqual(['a', 'b', 'c'])
  })
})
