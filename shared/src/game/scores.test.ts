import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createItem, readItems, updateItem } from '../schema/board.js'
import type { ItemSnapshot } from '../schema/types.js'
import type { VoteRound } from '../session/types.js'
import {
  cardTags,
  computeScores,
  DEFAULT_GAME_SETTINGS,
  ideaCounts,
  ideasOf,
  personBreakdowns,
} from './scores.js'
import { NO_TEAMS, type TeamBook } from './teams.js'

let nextId = 0
function note(author: string | undefined, text: string, extra: Partial<ItemSnapshot> = {}): ItemSnapshot {
  nextId++
  return {
    id: `n${String(nextId).padStart(3, '0')}`,
    type: 'note',
    x: 0,
    y: 0,
    w: 200,
    h: 200,
    text,
    ...(author ? { author } : {}),
    createdAt: 1000 + nextId,
    ...extra,
  }
}

function arrow(from: string, to: string, id = `c-${from}-${to}`): ItemSnapshot {
  return { id, type: 'connector', x: 0, y: 0, w: 1, h: 1, from, to }
}

const closed = (
  results: Array<{ itemId: string; votes: number }>,
): Pick<VoteRound, 'status' | 'results'> => ({
  status: 'closed',
  results: results.map((r, i) => ({ ...r, rank: i + 1 })),
})

const TEAMS: TeamBook = {
  teams: [
    { id: 'bleus', name: 'Les bleus', color: '#1d4ed8' },
    { id: 'rouges', name: 'Les rouges', color: '#b91c1c' },
  ],
  members: new Map([
    ['ana', 'bleus'],
    ['ben', 'bleus'],
    ['chloe', 'rouges'],
  ]),
}

describe('ideas', () => {
  it('count authored, non-blank notes once per distinct text', () => {
    const items = [
      note('ana', 'Guichet unique'),
      note('ana', '  guichet   UNIQUE '),
      note('ana', 'Guichet unique', { id: 'z-copy' }),
      note('ana', '   '),
      note(undefined, 'Exemple du modèle'),
      note('ben', 'Guichet unique'),
      { ...note('ana', 'un cadre'), type: 'frame' as const },
    ]
    expect(ideasOf(items).map((n) => n.author)).toEqual(['ana', 'ben'])
  })

  it('are counted per person and team within a sprint window', () => {
    const items = [
      note('ana', 'avant', { createdAt: 50 }),
      note('ana', 'un', { createdAt: 100 }),
      note('ben', 'deux', { createdAt: 150 }),
      note('chloe', 'trois', { createdAt: 199 }),
      note('chloe', 'après', { createdAt: 300 }),
      note('dan', 'sans équipe', { createdAt: 120 }),
      note('ana', 'sans date', { createdAt: undefined }),
    ]
    const counts = ideaCounts(items, TEAMS, { from: 100, to: 200 })
    expect(Object.fromEntries(counts.byPerson)).toEqual({ ana: 1, ben: 1, chloe: 1, dan: 1 })
    expect(Object.fromEntries(counts.byTeam)).toEqual({ bleus: 2, rouges: 1 })
    expect(ideaCounts(items, TEAMS, { from: 100, to: null }).byPerson.get('chloe')).toBe(2)
  })
})

describe('computeScores', () => {
  it('adds ideas, votes received, rebonds, cards and quiz points with the settings', () => {
    const a1 = note('ana', 'Idée A')
    const b1 = note('ben', 'Idée B')
    const b2 = note('ben', 'Et si en plus…', { tags: ['card-1', 'card-1', 'not-a-card'] })
    const b3 = note('ben', 'Encore la carte', { tags: ['Analogie'] })
    const items = [a1, b1, b2, b3, arrow(b2.id, a1.id), arrow(b2.id, a1.id, 'dup'), arrow(b1.id, b3.id)]
    const breakdowns = personBreakdowns(items, [closed([{ itemId: a1.id, votes: 3 }])], {
      cards: cardTags([{ id: 'card-1', title: 'Analogie' }]),
      quizPoints: [{ chloe: 4, ana: 0 }],
    })
    expect(Object.fromEntries(breakdowns)).toEqual({
      ana: { ideas: 1, votes: 3, rebonds: 0, cards: 0, quiz: 0 },
      ben: { ideas: 3, votes: 0, rebonds: 1, cards: 1, quiz: 0 },
      chloe: { ideas: 0, votes: 0, rebonds: 0, cards: 0, quiz: 4 },
    })
    const board = computeScores(
      items,
      [closed([{ itemId: a1.id, votes: 3 }])],
      NO_TEAMS,
      DEFAULT_GAME_SETTINGS,
      {
        cards: cardTags([{ id: 'card-1', title: 'Analogie' }]),
        quizPoints: [{ chloe: 4 }],
      },
    )
    // ana 1 + 3×2 = 7 · ben 3 + 2 + 3 = 8 · chloe 4
    expect(board.lines.map(({ id, points, rank }) => ({ id, points, rank }))).toEqual([
      { id: 'ben', points: 8, rank: 1 },
      { id: 'ana', points: 7, rank: 2 },
      { id: 'chloe', points: 4, rank: 3 },
    ])
  })

  it('ignores open rounds, votes on unknown items and arrows to one’s own notes', () => {
    const a1 = note('ana', 'Un')
    const a2 = note('ana', 'Deux')
    const items = [a1, a2, arrow(a2.id, a1.id)]
    const rounds = [
      { status: 'open' as const, results: [{ itemId: a1.id, votes: 9, rank: 1 }] },
      closed([{ itemId: 'gone', votes: 5 }]),
    ]
    expect(computeScores(items, rounds, NO_TEAMS, DEFAULT_GAME_SETTINGS).lines).toEqual([
      { id: 'ana', points: 2, rank: 1, breakdown: { ideas: 2, votes: 0, rebonds: 0, cards: 0, quiz: 0 } },
    ])
  })

  it('scores by team, listing every team and leaving out people without one', () => {
    const items = [note('ana', 'a'), note('ben', 'b'), note('chloe', 'c'), note('dan', 'd'), note('dan', 'e')]
    const board = computeScores(items, [], TEAMS, { ...DEFAULT_GAME_SETTINGS, scoreBy: 'team' })
    expect(board.by).toBe('team')
    expect(board.lines.map(({ id, points, rank }) => ({ id, points, rank }))).toEqual([
      { id: 'bleus', points: 2, rank: 1 },
      { id: 'rouges', points: 1, rank: 2 },
    ])
  })

  it('ranks ties together', () => {
    const items = [note('b', 'x'), note('a', 'y'), note('c', 'z'), note('c', 'w')]
    expect(
      computeScores(items, [], NO_TEAMS, DEFAULT_GAME_SETTINGS).lines.map((l) => [l.id, l.rank]),
    ).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ])
  })

  it('gives the same scores whatever the order concurrent edits were merged in', () => {
    const base = new Y.Doc()
    const target = createItem(base, {
      id: 'target',
      type: 'note',
      x: 0,
      y: 0,
      text: 'Idée de base',
      author: 'ana',
    })
    const left = new Y.Doc()
    const right = new Y.Doc()
    Y.applyUpdate(left, Y.encodeStateAsUpdate(base))
    Y.applyUpdate(right, Y.encodeStateAsUpdate(base))
    // Concurrently: ben builds on ana's idea, chloe writes the same idea twice and edits the base note.
    const rebond = createItem(left, { type: 'note', x: 0, y: 0, text: 'Et si…', author: 'ben', createdAt: 5 })
    createItem(left, { type: 'connector', x: 0, y: 0, from: rebond, to: target })
    createItem(right, { type: 'note', x: 0, y: 0, text: 'Même idée', author: 'chloe', createdAt: 7 })
    createItem(right, { type: 'note', x: 0, y: 0, text: 'même idée', author: 'chloe', createdAt: 6 })
    updateItem(right, target, { tags: ['card-1'] })

    const leftUpdate = Y.encodeStateAsUpdate(left)
    const rightUpdate = Y.encodeStateAsUpdate(right)
    const one = new Y.Doc()
    Y.applyUpdate(one, leftUpdate)
    Y.applyUpdate(one, rightUpdate)
    const two = new Y.Doc()
    Y.applyUpdate(two, rightUpdate)
    Y.applyUpdate(two, leftUpdate)

    const rounds = [closed([{ itemId: target, votes: 2 }])]
    const extras = { cards: cardTags([{ id: 'card-1', title: 'Analogie' }]) }
    const first = computeScores(readItems(one), rounds, TEAMS, DEFAULT_GAME_SETTINGS, extras)
    const second = computeScores(readItems(two), rounds, TEAMS, DEFAULT_GAME_SETTINGS, extras)
    expect(second).toEqual(first)
    expect(first.lines.map(({ id, points }) => [id, points])).toEqual([
      ['ana', 8],
      ['ben', 3],
      ['chloe', 1],
    ])
    // And the same again by team.
    const byTeam = { ...DEFAULT_GAME_SETTINGS, scoreBy: 'team' as const }
    expect(computeScores(readItems(two), rounds, TEAMS, byTeam, extras)).toEqual(
      computeScores(readItems(one), rounds, TEAMS, byTeam, extras),
    )
  })
})
