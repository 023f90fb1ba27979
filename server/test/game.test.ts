import {
  createItem,
  gameHistoryArray,
  gameMap,
  itemsMap,
  patchPoll,
  pollsMap,
  readGameHistory,
  readItems,
  readPolls,
  readTeamBook,
  recordScores,
  roomName,
  teamMembersMap,
  updateItem,
  writeTeam,
  writeTeamsLocked,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocument } from '../src/store/documents.js'
import { CREATED_AT_TOLERANCE_MS } from '../src/sync/policies/creationTimes.js'
import { connectSyncedAs, join, type Person, type Running, relayedUpTo, startServer } from './facilitation.js'
import { waitFor } from './helpers.js'

function call(
  running: Running,
  person: Person | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) {
  const { app, board } = running
  return app.inject({
    method,
    url: `/api/boards/${board.id}${url}`,
    headers: {
      authorization: `Bearer ${person?.token ?? board.tokens.facilitator}`,
      ...(person ? { 'x-atelier-person': person.credential } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })
}

async function sessionOf(running: Running, person: Person) {
  return connectSyncedAs(running.sync, roomName(running.board.id, 'session'), person)
}

const QUIZ = {
  kind: 'single',
  question: 'Quelle phase suit l’idéation ?',
  options: [
    { id: 'preparation', label: 'La préparation' },
    { id: 'appropriation', label: 'L’appropriation' },
  ],
  correctOptionIds: ['appropriation'],
  timeLimitSeconds: 20,
  points: 4,
}

describe('game: the session document stays facilitator-only', () => {
  it('drops a participant’s forged scores, polls, podium and team membership', async () => {
    const running = await startServer()
    const facilitator = await sessionOf(running, await join(running.app, running.board, 'facilitator'))
    const participant = await join(running.app, running.board, 'participant')
    const cheater = await sessionOf(running, participant)

    cheater.doc.transact(() => {
      teamMembersMap(cheater.doc).set(participant.personId, 'winners')
      gameMap(cheater.doc).set('podium', { at: 1, label: 'x', by: 'person', lines: [] })
      gameHistoryArray(cheater.doc).push([
        {
          at: 1,
          label: 'Fin',
          by: 'person',
          lines: [{ id: participant.personId, name: 'Moi', points: 999, rank: 1 }],
        },
      ])
      const poll = new Y.Map<unknown>()
      poll.set('kind', 'single')
      poll.set('question', 'Fake')
      poll.set('quizPoints', { [participant.personId]: 1000 })
      pollsMap(cheater.doc).set('fake', poll)
    })
    await relayedUpTo(cheater, facilitator, 'after-forgery')

    expect(readGameHistory(facilitator.doc)).toEqual([])
    expect(readPolls(facilitator.doc)).toEqual([])
    expect(gameMap(facilitator.doc).size).toBe(0)
    expect(teamMembersMap(facilitator.doc).size).toBe(0)
    const stored = await readDocument(running.store, roomName(running.board.id, 'session'))
    expect(readGameHistory(stored)).toEqual([])
    expect(pollsMap(stored).size).toBe(0)
  })
})

describe('game: teams', () => {
  it('lets a person join an existing team through the relay, and refuses what the rules forbid', async () => {
    const running = await startServer()
    const lead = await join(running.app, running.board, 'facilitator')
    const facilitator = await sessionOf(running, lead)
    writeTeam(facilitator.doc, { id: 'bleus', name: 'Les bleus', color: '#1d4ed8', order: 1 })
    const ana = await join(running.app, running.board, 'participant')

    await waitFor(
      async () => (await call(running, ana, 'POST', '/teams/bleus/join')).statusCode === 200,
      'join',
    )
    await waitFor(() => readTeamBook(facilitator.doc).members.get(ana.personId) === 'bleus', 'membership')

    const unknown = await call(running, ana, 'POST', '/teams/nope/join')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ reason: 'unknown-team' })

    const forged = { ...ana, credential: `${ana.personId}.${'A'.repeat(43)}` }
    expect((await call(running, forged, 'POST', '/teams/bleus/join')).statusCode).toBe(401)
    const observer = await join(running.app, running.board, 'observer')
    expect((await call(running, observer, 'POST', '/teams/bleus/join')).statusCode).toBe(403)

    writeTeamsLocked(facilitator.doc, true)
    await waitFor(
      async () => (await call(running, ana, 'POST', '/teams/bleus/join')).statusCode === 409,
      'locked teams refused',
    )
  })
})

describe('game: polls and quizzes', () => {
  it('counts one answer per person, keeps the right answer secret until the close, refuses late answers', async () => {
    const running = await startServer()
    const lead = await join(running.app, running.board, 'facilitator')
    const facilitator = await sessionOf(running, lead)
    const ana = await join(running.app, running.board, 'participant')
    const ben = await join(running.app, running.board, 'participant')

    expect((await call(running, ana, 'POST', '/polls', QUIZ)).statusCode).toBe(403)
    const opened = await call(running, lead, 'POST', '/polls', QUIZ)
    expect(opened.statusCode).toBe(201)
    const { pollId } = opened.json<{ pollId: string }>()
    await waitFor(() => readPolls(facilitator.doc).length === 1, 'poll published')
    expect(readPolls(facilitator.doc)[0]).toMatchObject({ quiz: true, status: 'open', correctOptionIds: [] })
    expect(JSON.stringify(facilitator.doc.toJSON())).not.toContain('"correctOptionIds":["appropriation"]')

    // ana answers, changes her mind, and sends the same answer again: one answer, the last one.
    for (const optionId of ['preparation', 'appropriation', 'appropriation']) {
      const answered = await call(running, ana, 'POST', `/polls/${pollId}/answers`, { optionIds: [optionId] })
      expect(answered.statusCode).toBe(200)
    }
    await call(running, ben, 'POST', `/polls/${pollId}/answers`, { optionIds: ['preparation'] })
    await waitFor(() => readPolls(facilitator.doc)[0]?.respondents === 2, 'two respondents')
    expect(readPolls(facilitator.doc)[0]?.counts).toEqual([
      { optionId: 'preparation', count: 1 },
      { optionId: 'appropriation', count: 1 },
    ])
    const mine = await call(running, ana, 'GET', `/polls/${pollId}/answers/mine`)
    expect(mine.json()).toEqual({ answer: { optionIds: ['appropriation'] } })

    const invalid = await call(running, ben, 'POST', `/polls/${pollId}/answers`, { optionIds: ['x', 'y'] })
    expect(invalid.statusCode).toBe(409)
    expect(invalid.json()).toMatchObject({ reason: 'one-choice-only' })
    const malformed = await call(running, ben, 'POST', `/polls/${pollId}/answers`, { choice: 'x' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toHaveProperty('error')
    expect(
      (await call(running, null, 'POST', `/polls/${pollId}/answers`, { optionIds: ['x'] })).statusCode,
    ).toBe(401)

    expect((await call(running, ana, 'POST', `/polls/${pollId}/close`)).statusCode).toBe(403)
    expect((await call(running, lead, 'POST', `/polls/${pollId}/close`)).statusCode).toBe(200)
    await waitFor(() => readPolls(facilitator.doc)[0]?.status === 'closed', 'closed')
    const closed = readPolls(facilitator.doc)[0]
    expect(closed?.correctOptionIds).toEqual(['appropriation'])
    expect(Object.keys(closed?.quizPoints ?? {})).toEqual([ana.personId])
    expect(closed?.quizPoints[ana.personId]).toBeGreaterThanOrEqual(2)

    const late = await call(running, ben, 'POST', `/polls/${pollId}/answers`, {
      optionIds: ['appropriation'],
    })
    expect(late.statusCode).toBe(409)
    expect(late.json()).toEqual({ error: 'the poll is closed', reason: 'poll-closed' })
    expect((await call(running, lead, 'POST', `/polls/${pollId}/close`)).statusCode).toBe(409)
    expect(
      (await call(running, ana, 'POST', '/polls/unknown/answers', { optionIds: ['x'] })).statusCode,
    ).toBe(404)

    // Even the facilitator's own client cannot reopen it for answers: the relay's table decides.
    const watcher = await sessionOf(running, lead)
    patchPoll(facilitator.doc, pollId, { status: 'open' })
    await relayedUpTo(facilitator, watcher, 'reopened-in-doc')
    expect(readPolls(watcher.doc)[0]?.status).toBe('open')
    const still = await call(running, ben, 'POST', `/polls/${pollId}/answers`, {
      optionIds: ['appropriation'],
    })
    expect(still.statusCode).toBe(409)
  })

  it('tallies a word cloud and validates polls', async () => {
    const running = await startServer()
    const lead = await join(running.app, running.board, 'facilitator')
    const facilitator = await sessionOf(running, lead)
    const bad = await call(running, lead, 'POST', '/polls', { kind: 'single', question: 'Q', options: [] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatch(/options/)
    const opened = await call(running, lead, 'POST', '/polls', { kind: 'words', question: 'Un mot ?' })
    const { pollId } = opened.json<{ pollId: string }>()
    const ana = await join(running.app, running.board, 'participant')
    const ben = await join(running.app, running.board, 'participant')
    await call(running, ana, 'POST', `/polls/${pollId}/answers`, { words: ['Écoute', 'audace'] })
    await call(running, ben, 'POST', `/polls/${pollId}/answers`, { words: ['écoute'] })
    await waitFor(() => readPolls(facilitator.doc)[0]?.respondents === 2, 'two answers')
    expect(readPolls(facilitator.doc)[0]?.words).toEqual([
      { word: 'écoute', count: 2 },
      { word: 'audace', count: 1 },
    ])
  })
})

describe('game: creation times', () => {
  it('stamps the relay’s time on new items and keeps existing ones', async () => {
    const running = await startServer()
    const participant = await join(running.app, running.board, 'participant')
    const writer = await connectSyncedAs(running.sync, running.board.id, participant)
    const observer = await connectSyncedAs(
      running.sync,
      running.board.id,
      await join(running.app, running.board, 'facilitator'),
    )
    const honest = createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'honnête' })
    const backdated = createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'antidatée', createdAt: 1000 })
    await relayedUpTo(writer, observer, 'created')
    await waitFor(() => readItems(observer.doc).length === 2, 'notes relayed')
    const created = (id: string) => readItems(observer.doc).find((item) => item.id === id)?.createdAt ?? 0
    await waitFor(
      () => Math.abs(created(backdated) - Date.now()) < CREATED_AT_TOLERANCE_MS,
      'back-dated note fixed',
    )
    const honestAt = created(honest)
    expect(Math.abs(honestAt - Date.now())).toBeLessThan(CREATED_AT_TOLERANCE_MS)

    // A raw client changes the creation time of an existing note: the relay puts it back.
    itemsMap(writer.doc).get(honest)?.set('createdAt', 5)
    updateItem(writer.doc, honest, { x: 10 })
    await relayedUpTo(writer, observer, 'edited')
    await waitFor(() => created(honest) === honestAt, 'creation time restored')
  })
})

describe('game: the report', () => {
  it('lists the scores the facilitator kept', async () => {
    const running = await startServer()
    const facilitator = await sessionOf(running, await join(running.app, running.board, 'facilitator'))
    const watcher = await sessionOf(running, await join(running.app, running.board, 'observer'))
    recordScores(
      facilitator.doc,
      {
        at: Date.UTC(2026, 0, 5, 10, 30),
        label: 'Fin du jeu',
        by: 'team',
        lines: [
          { id: 'a', name: 'Les bleus', points: 7, rank: 1 },
          { id: 'b', name: 'Les rouges', points: 3, rank: 2 },
        ],
      },
      { podium: true },
    )
    await relayedUpTo(facilitator, watcher, 'scores-kept')
    const report = await running.app.inject({
      method: 'GET',
      url: `/api/boards/${running.board.id}/export/report.md?token=${running.board.tokens.observer}`,
    })
    expect(report.statusCode).toBe(200)
    expect(report.body).toContain('## Scores')
    expect(report.body).toContain('### Fin du jeu (10:30 UTC, par équipe)')
    expect(report.body).toContain('| Rang | Nom | Points |')
    expect(report.body).toContain('| 1 | Les bleus | 7 |')
  })
})
