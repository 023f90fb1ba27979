import type { AgendaStep, PollState } from '@atelier/shared'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import game from '../i18n/locales/fr/game.json'
import type { GameSnapshot } from './GameModel.js'
import { agendaPolls, stepPollChanges, watchOpenedPolls } from './stepPolls.js'

const step = (id: string, poll?: AgendaStep['poll']): AgendaStep => ({
  id,
  title: id,
  instructions: '',
  durationMinutes: 3,
  mode: 'open',
  ...(poll ? { poll } : {}),
})
const sondage = step('sondage', {
  question: 'Notre défi vous paraît…',
  options: [
    { id: 'a', label: 'Hors de portée' },
    { id: 'b', label: 'Atteignable' },
  ],
})
const quiz = step('quiz', {
  question: 'Quelle phase suit l’idéation ?',
  options: [
    { id: 'c', label: 'La préparation' },
    { id: 'd', label: 'L’appropriation' },
  ],
  correctOptionId: 'd',
})
const podium = step('podium')
const agenda = [step('sprint'), sondage, quiz, podium]

const poll = (id: string, question: string, status: PollState['status']): PollState => ({
  id,
  kind: 'single',
  question,
  options: [],
  quiz: false,
  status,
  openedAt: 0,
  closedAt: status === 'closed' ? 1 : null,
  timeLimitMs: 30_000,
  points: 4,
  respondents: 0,
  counts: [],
  words: [],
  correctOptionIds: [],
  quizPoints: {},
})

describe('stepPollChanges', () => {
  it('opens the poll of a step, a quiz with its right answer', () => {
    expect(stepPollChanges(agenda, sondage, [])).toEqual({
      close: [],
      open: {
        kind: 'single',
        question: 'Notre défi vous paraît…',
        options: sondage.poll?.options,
        correctOptionIds: [],
      },
    })
    expect(stepPollChanges(agenda, quiz, []).open?.correctOptionIds).toEqual(['d'])
  })

  it('closes the poll an earlier step left open, and leaves a poll written on the spot alone', () => {
    const polls = [poll('p1', sondage.poll?.question ?? '', 'open'), poll('p2', 'Un café ?', 'open')]
    const changes = stepPollChanges(agenda, quiz, polls)
    expect(changes.close).toEqual(['p1'])
    expect(changes.open?.question).toBe(quiz.poll?.question)
    // A step without a poll closes the quiz too, so it shows its answer.
    expect(stepPollChanges(agenda, podium, [poll('p3', quiz.poll?.question ?? '', 'open')])).toEqual({
      close: ['p3'],
      open: null,
    })
  })

  it('does not ask the same question again when a step is launched again', () => {
    expect(stepPollChanges(agenda, sondage, [poll('p1', sondage.poll?.question ?? '', 'closed')])).toEqual({
      close: [],
      open: null,
    })
    expect(stepPollChanges(agenda, sondage, [poll('p1', sondage.poll?.question ?? '', 'open')])).toEqual({
      close: [],
      open: null,
    })
  })

  it('lists the polls of the agenda for the panel', () => {
    expect(agendaPolls(agenda).map(({ stepId }) => stepId)).toEqual(['sondage', 'quiz'])
  })
})

describe('watchOpenedPolls', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'fr', resources: { fr: { translation: { game } } } })
  })

  it('says each poll once, when it opens, and a quiz as a quiz', () => {
    let polls: PollState[] = []
    const listeners = new Set<() => void>()
    const game = {
      getSnapshot: () => ({ polls }) as unknown as GameSnapshot,
      subscribe: (listener: () => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    const said: string[] = []
    const stop = watchOpenedPolls(game, (text) => said.push(text))
    const change = (next: PollState[]) => {
      polls = next
      for (const listener of listeners) listener()
    }
    const sondageOpen = poll('p1', 'Notre défi vous paraît…', 'open')
    change([sondageOpen])
    change([sondageOpen])
    change([
      { ...sondageOpen, status: 'closed' },
      { ...poll('p2', 'Quelle phase ?', 'open'), quiz: true },
    ])
    stop()
    change([poll('p3', 'Un café ?', 'open')])
    expect(said).toEqual(['Nouveau sondage : Notre défi vous paraît…', 'Nouveau quiz : Quelle phase ?'])
  })
})
