import {
  DEFAULT_SPRINT_LABELS,
  readDrawnCard,
  readSprint,
  readTeamBook,
  writeDecks,
  writeTeam,
} from '@atelier/shared'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { presence, gameParts as setup } from '../../test/gameParts.js'
import { SESSION_ORIGIN } from '../facilitation/SessionStore.js'
import { PollAnswers } from './PollAnswers.js'
import { publishTeam } from './teamPresence.js'

describe('GameState', () => {
  it('learns names from presence, a new name under the same person included', () => {
    const { states, awareness, state, flush } = setup()
    expect(state.getSnapshot().names.get('ana')).toBe('Ana')
    states.set(1, presence('ana', 'Anaïs'))
    awareness.emit()
    flush()
    expect(state.getSnapshot().names.get('ana')).toBe('Anaïs')
    // People who leave keep their name in the scores.
    states.delete(1)
    awareness.emit()
    flush()
    expect(state.getSnapshot().names.get('ana')).toBe('Anaïs')
  })

  it("shows this browser's own writes at once and batches others' into the next frame", () => {
    const { doc, state, frames, flush } = setup()
    const listener = vi.fn()
    state.subscribe(listener)
    writeTeam(doc, { id: 't1', name: 'Rouge', color: '#ff0000', order: 1 }, SESSION_ORIGIN)
    expect(state.getSnapshot().teams.teams.map((team) => team.name)).toEqual(['Rouge'])
    expect(state.getSnapshot().active).toBe(true)

    writeTeam(doc, { id: 't2', name: 'Bleu', color: '#0000ff', order: 2 }, 'remote')
    writeTeam(doc, { id: 't3', name: 'Vert', color: '#00ff00', order: 3 }, 'remote')
    expect(state.getSnapshot().teams.teams).toHaveLength(1)
    expect(frames).toHaveLength(1)
    flush()
    expect(state.getSnapshot().teams.teams).toHaveLength(3)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('keeps the parts that did not change, so their readers do not re-render', () => {
    const { doc, state, editor, flush } = setup()
    const before = state.getSnapshot()
    editor.create({ type: 'note', x: 0, y: 0, w: 10, h: 10 })
    flush()
    writeTeam(doc, { id: 't1', name: 'Rouge', color: '#ff0000', order: 1 }, SESSION_ORIGIN)
    const after = state.getSnapshot()
    expect(after).not.toBe(before)
    expect(after.polls).toBe(before.polls)
    expect(after.settings).toBe(before.settings)
  })
})

describe('GameMoves', () => {
  it('gives a new team a colour no team has yet', () => {
    const { moves, doc, state } = setup()
    moves.addTeam('Rouge')
    moves.addTeam('Bleu')
    const teams = readTeamBook(doc).teams
    expect(teams.map((team) => team.name)).toEqual(['Rouge', 'Bleu'])
    expect(new Set(teams.map((team) => team.color)).size).toBe(2)
    expect(state.getSnapshot().teams.teams).toHaveLength(2)
  })

  it('draws the cards of a deck one by one for everyone, and takes a challenge up as a tagged note', () => {
    const { moves, doc, editor } = setup()
    const deck = { id: 'd', title: 'Défis', cards: [{ id: 'c1', title: 'Vite', prompt: 'En 1 min' }] }
    writeDecks(doc, [deck], SESSION_ORIGIN)
    moves.drawCard('d')
    expect(readDrawnCard(doc)).toMatchObject({ deckId: 'd', cardId: 'c1', title: 'Vite', drawnAt: 1_000 })

    moves.answerCard('Vite')
    const [note] = [...editor.board.getItems().values()]
    expect(note).toMatchObject({ type: 'note', tags: ['Vite'], author: 'me' })
    expect(editor.view.getState().editingId).toBe(note?.id)
  })
})

describe('SprintControl', () => {
  it('starts the sprint and the shared timer together, and ends it early with the scores kept', () => {
    const { sprint, session, doc, tick, state } = setup()
    sprint.start(3, DEFAULT_SPRINT_LABELS)
    expect(readSprint(doc)).toMatchObject({ startedAt: 1_000, endedAt: null })
    expect(session.getSnapshot().timer).toMatchObject({ status: 'running', durationMs: 180_000 })
    expect(state.getSnapshot().sprintCounts).not.toBeNull()

    tick(60_000)
    sprint.end()
    expect(readSprint(doc)?.endedAt).toBe(61_000)
    expect(state.getSnapshot().history.map((h) => h.label)).toEqual([DEFAULT_SPRINT_LABELS.snapshot])
  })
})

describe('PollAnswers', () => {
  it('shows an answer at once, keeps what the relay stored, and takes it back when refused', async () => {
    let refuse = false
    const api = {
      answer: vi.fn(async (_pollId: string, answer: { optionIds: string[] }) => {
        if (refuse) throw new Error('poll closed')
        return { answer }
      }),
      mine: vi.fn(async () => ({ answer: null })),
    }
    const answers = new PollAnswers(api, () => true)
    const pending = answers.answer('p', { optionIds: ['a'] })
    expect(answers.getSnapshot().mine.p).toEqual({ optionIds: ['a'] })
    await pending

    refuse = true
    await expect(answers.answer('p', { optionIds: ['b'] })).rejects.toThrow('poll closed')
    expect(answers.getSnapshot()).toEqual({ mine: { p: { optionIds: ['a'] } }, error: 'poll closed' })
  })

  it('asks the relay for a stored answer only once the person has a credential', async () => {
    let credential = false
    const api = { answer: vi.fn(), mine: vi.fn(async () => ({ answer: { optionIds: ['x'] } })) }
    const answers = new PollAnswers(api, () => credential)
    await answers.load('p')
    expect(api.mine).not.toHaveBeenCalled()
    credential = true
    await answers.load('p')
    expect(answers.getSnapshot().mine.p).toEqual({ optionIds: ['x'] })
  })
})

describe('publishTeam', () => {
  it("announces the person's team in their presence, and writes nothing when it is already there", () => {
    let local: Record<string, unknown> | null = presence('ana', 'Ana')
    const awareness = {
      getLocalState: () => local,
      setLocalStateField: vi.fn((field: string, value: unknown) => {
        local = { ...local, [field]: value }
      }),
    }
    const doc = new Y.Doc()
    writeTeam(doc, { id: 't1', name: 'Rouge', color: '#ff0000', order: 1 })
    const teams = { ...readTeamBook(doc), members: new Map([['ana', 't1']]) }
    publishTeam(awareness, teams, 'ana')
    expect(local?.user).toMatchObject({ team: { id: 't1', name: 'Rouge', color: '#ff0000' } })
    publishTeam(awareness, teams, 'ana')
    expect(awareness.setLocalStateField).toHaveBeenCalledTimes(1)
    publishTeam(awareness, { ...teams, members: new Map() }, 'ana')
    expect(local?.user).not.toHaveProperty('team')
  })
})
