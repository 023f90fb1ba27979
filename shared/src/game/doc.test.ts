import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { templateKitMap } from '../templates/session.js'
import {
  assignMembers,
  closedQuizPoints,
  hidePodium,
  patchPoll,
  readDecks,
  readDrawnCard,
  readDraws,
  readGameHistory,
  readGameSettings,
  readPodium,
  readPolls,
  readSprint,
  readTeamBook,
  recordScores,
  removeTeam,
  teamsMap,
  writeDecks,
  writeDrawnCard,
  writeGameSettings,
  writePoll,
  writeSprint,
  writeTeam,
} from './doc.js'
import { DEFAULT_GAME_SETTINGS } from './scores.js'

describe('game state in the session document', () => {
  it('reads nothing from an empty document', () => {
    const doc = new Y.Doc()
    expect(readTeamBook(doc)).toEqual({ teams: [], members: new Map() })
    expect(readSprint(doc)).toBeNull()
    expect(readDrawnCard(doc)).toBeNull()
    expect(readPolls(doc)).toEqual([])
    expect(readPodium(doc)).toBeNull()
    expect(readGameHistory(doc)).toEqual([])
    expect(readGameSettings(doc)).toEqual(DEFAULT_GAME_SETTINGS)
  })

  it('keeps teams in order, drops members of removed teams and foreign values', () => {
    const doc = new Y.Doc()
    writeTeam(doc, { id: 'b', name: 'Rouges', color: '#b91c1c', order: 2 })
    writeTeam(doc, { id: 'a', name: 'Bleus', color: '#1d4ed8', order: 1 })
    teamsMap(doc).set('x', { name: 'bad colour', color: 'red' })
    assignMembers(
      doc,
      new Map([
        ['p1', 'a'],
        ['p2', 'b'],
        ['p3', 'nope'],
      ]),
    )
    expect(readTeamBook(doc).teams.map((t) => t.name)).toEqual(['Bleus', 'Rouges'])
    expect(Object.fromEntries(readTeamBook(doc).members)).toEqual({ p1: 'a', p2: 'b' })
    assignMembers(doc, new Map([['p1', null]]))
    removeTeam(doc, 'b')
    expect(readTeamBook(doc)).toEqual({
      teams: [{ id: 'a', name: 'Bleus', color: '#1d4ed8' }],
      members: new Map(),
    })
  })

  it('prefers the facilitator’s settings to the template’s', () => {
    const doc = new Y.Doc()
    templateKitMap(doc).set('gamification', { ...DEFAULT_GAME_SETTINGS, pointsPerIdea: 5, scoreBy: 'team' })
    expect(readGameSettings(doc)).toMatchObject({ pointsPerIdea: 5, scoreBy: 'team' })
    writeGameSettings(doc, { ...DEFAULT_GAME_SETTINGS, pointsPerIdea: 2 })
    expect(readGameSettings(doc)).toMatchObject({ pointsPerIdea: 2, scoreBy: 'person' })
  })

  it('round-trips a sprint, decks and drawn cards', () => {
    const doc = new Y.Doc()
    writeSprint(doc, { id: 's1', startedAt: 10, endedAt: null, frameId: 'f', roundId: null })
    expect(readSprint(doc)).toEqual({ id: 's1', startedAt: 10, endedAt: null, frameId: 'f', roundId: null })
    writeSprint(doc, null)
    expect(readSprint(doc)).toBeNull()

    writeDecks(doc, [{ id: 'd', title: 'Défis', cards: [{ id: 'c1', title: 'Analogie', prompt: 'Et si…' }] }])
    expect(readDecks(doc).map((d) => d.cards.length)).toEqual([1])
    writeDrawnCard(doc, { deckId: 'd', cardId: 'c1', title: 'Analogie', prompt: 'Et si…', drawnAt: 5 })
    writeDrawnCard(doc, { deckId: 'd', cardId: 'c2', title: 'Frugale', prompt: 'Zéro budget', drawnAt: 6 })
    expect(readDrawnCard(doc)?.cardId).toBe('c2')
    expect(readDraws(doc)).toEqual({ d: ['c1', 'c2'] })
  })

  it('publishes polls and their tallies', () => {
    const doc = new Y.Doc()
    writePoll(doc, {
      id: 'p',
      kind: 'single',
      question: 'Quelle phase ?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      quiz: true,
      openedAt: 100,
      timeLimitMs: 20_000,
      points: 4,
    })
    patchPoll(doc, 'p', { respondents: 1, counts: [{ optionId: 'b', count: 1 }] })
    expect(readPolls(doc)[0]).toMatchObject({ status: 'open', respondents: 1, correctOptionIds: [] })
    expect(closedQuizPoints(doc)).toEqual([])
    patchPoll(doc, 'p', { status: 'closed', closedAt: 200, correctOptionIds: ['b'], quizPoints: { ana: 4 } })
    expect(closedQuizPoints(doc)).toEqual([{ ana: 4 }])
  })

  it('keeps score snapshots in the history and shows the podium', () => {
    const doc = new Y.Doc()
    const snapshot = {
      at: 1,
      label: 'Fin du jeu',
      by: 'team' as const,
      lines: [{ id: 'a', name: 'Bleus', points: 7, rank: 1 }],
    }
    recordScores(doc, { ...snapshot, label: 'Manche 1' })
    recordScores(doc, snapshot, { podium: true })
    expect(readGameHistory(doc).map((s) => s.label)).toEqual(['Manche 1', 'Fin du jeu'])
    expect(readPodium(doc)).toEqual(snapshot)
    hidePodium(doc)
    expect(readPodium(doc)).toBeNull()
    expect(readGameHistory(doc)).toHaveLength(2)
  })
})
