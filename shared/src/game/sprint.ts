import type * as Y from 'yjs'
import type { ItemSnapshot } from '../schema/types.js'
import { patchRound, readRounds, readTimer, writeRound, writeTimer } from '../session/doc.js'
import { readPeople } from '../session/people.js'
import { isFinished, resetTimer } from '../session/timer.js'
import {
  closedQuizPoints,
  readDecks,
  readDraws,
  readGameHistory,
  readGameSettings,
  readSprint,
  readTeamBook,
  recordScores,
  type ScoreSnapshot,
  writeSprint,
} from './doc.js'
import { cardTags, computeScores, ideasOf } from './scores.js'

/** What the end of a sprint writes, in the language of the facilitator who started it. */
export interface SprintLabels {
  /** The label of the scores kept in the history. */
  snapshot: string
  /** The title of the "best idea" vote. */
  vote: string
}

export const DEFAULT_SPRINT_LABELS: SprintLabels = {
  snapshot: 'Sprint d’idées',
  vote: 'Meilleure idée du sprint',
}

/**
 * Names of the people of a session, the freshest winning: those kept in past score snapshots
 * (people who left), over them those the relay recorded, over them `live` (presence, on a client).
 */
export function sessionNames(
  session: Y.Doc,
  live: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const names = new Map<string, string>()
  for (const snapshot of readGameHistory(session))
    if (snapshot.by === 'person') for (const line of snapshot.lines) names.set(line.id, line.name)
  for (const person of readPeople(session).values()) names.set(person.personId, person.name)
  for (const [id, name] of live) names.set(id, name)
  return names
}

/** The scores of a session as they stand, with names, to keep in the history (the report reads them). */
export function freezeScores(
  session: Y.Doc,
  items: readonly ItemSnapshot[],
  label: string,
  at: number,
  names: ReadonlyMap<string, string>,
): ScoreSnapshot {
  const teams = readTeamBook(session)
  const draws = readDraws(session)
  const drawn = readDecks(session).flatMap((deck) =>
    deck.cards.filter((card) => draws[deck.id]?.includes(card.id)),
  )
  const scores = computeScores(items, readRounds(session), teams, readGameSettings(session), {
    cards: cardTags(drawn),
    quizPoints: closedQuizPoints(session),
  })
  return {
    at,
    label,
    by: scores.by,
    lines: scores.lines.map(({ id, points, rank }) => ({
      id,
      name:
        scores.by === 'team'
          ? (teams.teams.find((team) => team.id === id)?.name ?? id)
          : (names.get(id) ?? id.slice(0, 6)),
      points,
      rank,
    })),
  }
}

interface FinishSprint {
  /** The clock of whoever ends it: the relay's when the time is up. */
  now: number
  newId: () => string
  names: ReadonlyMap<string, string>
  origin?: unknown
}

/**
 * Ends the running sprint, in one transaction: freezes its window, keeps the scores in the
 * history, opens a one-dot "best idea" vote on its ideas (closing any open round) and stops the
 * shared timer. Returns false, writing nothing, when no sprint runs.
 */
export function finishSprint(session: Y.Doc, items: readonly ItemSnapshot[], options: FinishSprint): boolean {
  const sprint = readSprint(session)
  if (!sprint || sprint.endedAt !== null) return false
  const { now, origin } = options
  const labels = sprint.labels ?? DEFAULT_SPRINT_LABELS
  const ideas = ideasOf(items, { from: sprint.startedAt, to: now }).map((note) => note.id)
  const roundId = ideas.length > 1 ? options.newId() : null
  session.transact(() => {
    writeSprint(session, { ...sprint, endedAt: now, roundId }, origin)
    recordScores(session, freezeScores(session, items, labels.snapshot, now, options.names), {}, origin)
    if (roundId) {
      for (const open of readRounds(session))
        if (open.status === 'open') patchRound(session, open.id, { status: 'closed', closedAt: now }, origin)
      writeRound(
        session,
        {
          id: roundId,
          title: labels.vote,
          frameIds: [],
          itemIds: ideas,
          budget: 1,
          maxPerItem: 1,
          status: 'open',
          openedAt: now,
        },
        origin,
      )
    }
    const timer = readTimer(session)
    if (timer.status !== 'stopped') writeTimer(session, resetTimer(timer), origin)
  }, origin)
  return true
}

/** When the running sprint's time is up on `now`'s clock: the shared timer's end, or null while it cannot end by itself. */
export function sprintEndsAt(session: Y.Doc): number | null {
  const sprint = readSprint(session)
  if (!sprint || sprint.endedAt !== null) return null
  const timer = readTimer(session)
  return timer.status === 'running' ? timer.endsAt : null
}

/** Whether the running sprint's time is up at `now`. */
export function sprintTimeUp(session: Y.Doc, now: number): boolean {
  const sprint = readSprint(session)
  return sprint !== null && sprint.endedAt === null && isFinished(readTimer(session), now)
}
