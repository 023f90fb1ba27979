import {
  type AgendaStep,
  readAgenda,
  readGameHistory,
  readPeople,
  readRounds,
  readSessionState,
  type ScoreSnapshot,
  type VoteRound,
} from '@atelier/shared'
import type * as Y from 'yjs'
import type { NoteFacts } from './notes.js'

/** What the report and the CSV take from the session document. */
export interface SessionFacts extends NoteFacts {
  agenda: AgendaStep[]
  /** Closed rounds with their published results, oldest first. */
  rounds: VoteRound[]
  /** Score snapshots the facilitator kept during a game, oldest first. */
  history: ScoreSnapshot[]
}

/**
 * Votes are only counted from closed rounds, whose results the relay published: ballots of an
 * open round are secret until the facilitator closes it. Names are hidden in anonymous mode.
 */
export function sessionFacts(session: Y.Doc): SessionFacts {
  const rounds = readRounds(session)
    .filter((round) => round.status === 'closed' && round.results)
    .reverse()
  const votes = new Map<string, number>()
  for (const round of rounds) {
    for (const { itemId, votes: count } of round.results ?? [])
      votes.set(itemId, (votes.get(itemId) ?? 0) + count)
  }
  const people = readPeople(session)
  const anonymous = readSessionState(session).anonymous
  return {
    agenda: readAgenda(session),
    rounds,
    history: readGameHistory(session),
    votes,
    authorName: (personId) => (anonymous || !personId ? '' : (people.get(personId)?.name ?? '')),
  }
}
