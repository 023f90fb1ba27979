import {
  type AgendaStep,
  type PollState,
  readAgenda,
  readGameHistory,
  readPeople,
  readPolls,
  readRounds,
  readSessionState,
  readTeamBook,
  type ScoreSnapshot,
  teamOf,
  type VoteRound,
} from '@atelier/shared'
import type * as Y from 'yjs'
import { type AgendaMove, readAgendaRun } from './agendaRun.js'
import type { NoteFacts } from './notes.js'

/** What the report and the CSV take from the session document. */
export interface SessionFacts extends NoteFacts {
  agenda: AgendaStep[]
  /** The facilitator's moves through the agenda, oldest first. */
  agendaRun: AgendaMove[]
  /** Closed rounds with their published results, oldest first. */
  rounds: VoteRound[]
  /** Closed polls and quizzes with their published tallies, oldest first. */
  polls: PollState[]
  /** Score snapshots the facilitator kept during a game, oldest first. */
  history: ScoreSnapshot[]
  anonymous: boolean
}

/**
 * Votes are only counted from closed rounds, whose results the relay published: ballots of an
 * open round are secret until the facilitator closes it; likewise polls. Names and teams are
 * hidden in anonymous mode.
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
  const teams = readTeamBook(session)
  const anonymous = readSessionState(session).anonymous
  return {
    agenda: readAgenda(session),
    agendaRun: readAgendaRun(session),
    rounds,
    polls: readPolls(session)
      .filter((poll) => poll.status === 'closed')
      .sort((a, b) => a.openedAt - b.openedAt),
    history: readGameHistory(session),
    anonymous,
    votes,
    authorName: (personId) => (anonymous || !personId ? '' : (people.get(personId)?.name ?? '')),
    teamName: (personId) => (anonymous || !personId ? '' : (teamOf(teams, personId)?.name ?? '')),
  }
}
