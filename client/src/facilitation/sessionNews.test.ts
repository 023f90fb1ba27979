import type { AgendaStep, VoteRound, WritingMode } from '@atelier/shared'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import facilitation from '../i18n/locales/fr/facilitation.json'
import { readSession, type SessionSnapshot } from './SessionStore.js'
import { sessionNews, watchSessionNews } from './sessionNews.js'

const empty = readSession(new Y.Doc())
const step = (id: string, title: string, instructions = ''): AgendaStep => ({
  id,
  title,
  instructions,
  durationMinutes: 5,
  mode: 'open',
})
const agenda = [
  step('a', 'Le défi'),
  step('b', 'Divergence en privé', 'Seul, notez vos idées.'),
  step('c', 'Vote'),
]
const round = (status: VoteRound['status']): VoteRound => ({
  id: 'r1',
  title: 'Priorités',
  budget: 3,
  frameIds: [],
  itemIds: [],
  status,
  openedAt: 1,
  voters: 0,
})
const at = (
  stepId: string | null,
  more: { writingMode?: WritingMode; rounds?: VoteRound[] } = {},
): SessionSnapshot => ({
  ...empty,
  agenda,
  state: { ...empty.state, stepId, writingMode: more.writingMode ?? 'open' },
  rounds: more.rounds ?? [],
})

describe('sessionNews', () => {
  it('says a new step with its place in the agenda and its instructions', () => {
    expect(sessionNews(at('a'), at('b', { writingMode: 'private' }))).toEqual([
      {
        kind: 'step',
        index: 2,
        count: 3,
        title: 'Divergence en privé',
        instructions: 'Seul, notez vos idées.',
      },
    ])
  })

  it('says a vote that opens once, and a reveal that comes without a new step', () => {
    const open = at('c', { rounds: [round('open')] })
    expect(sessionNews(at('c'), open)).toEqual([{ kind: 'voteOpened', title: 'Priorités', budget: 3 }])
    expect(sessionNews(open, { ...open, timer: { ...open.timer, remainingMs: 10 } })).toEqual([])
    expect(sessionNews(at('b', { writingMode: 'private' }), at('b', { writingMode: 'revealed' }))).toEqual([
      { kind: 'revealed' },
    ])
    // Private writing turned off without a reveal is not one.
    expect(sessionNews(at('b', { writingMode: 'private' }), at('b'))).toEqual([])
    expect(sessionNews(at('c', { rounds: [round('open')] }), at('c', { rounds: [round('closed')] }))).toEqual(
      [],
    )
  })

  it('tells a person who arrives mid-workshop where the group is', () => {
    expect(sessionNews(empty, at('c', { rounds: [round('open')] })).map((news) => news.kind)).toEqual([
      'step',
      'voteOpened',
    ])
  })
})

describe('watchSessionNews', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'fr', resources: { fr: { translation: { facilitation } } } })
  })

  it('says the news of each change together, and nothing for a change with none', () => {
    let snapshot = at('a')
    const listeners = new Set<() => void>()
    const said: string[] = []
    const stop = watchSessionNews(
      {
        getSnapshot: () => snapshot,
        subscribe: (listener) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      },
      (text) => said.push(text),
    )
    const change = (next: SessionSnapshot) => {
      snapshot = next
      for (const listener of listeners) listener()
    }
    change(at('c', { rounds: [round('open')] }))
    change({ ...snapshot })
    stop()
    change(at('a'))
    expect(said).toEqual(['Étape 3 sur 3 : Vote. Vote ouvert : Priorités, 3 gommettes par personne.'])
  })
})
