import { stateMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { changedKeys } from '../sync/policies/transactions.js'
import type { RoomPolicy } from '../sync/policies/types.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'

/** One move of the facilitator through the agenda: the step that became current (null: none). */
export interface AgendaMove {
  stepId: string | null
  /** Server epoch ms. */
  at: number
}

/** The session document's record of the agenda as run, appended by the relay only. */
export function agendaRunArray(session: Y.Doc): Y.Array<AgendaMove> {
  return session.getArray<AgendaMove>('agendaRun')
}

export function readAgendaRun(session: Y.Doc): AgendaMove[] {
  return agendaRunArray(session)
    .toArray()
    .filter(
      (move): move is AgendaMove =>
        typeof move === 'object' &&
        move !== null &&
        (typeof move.stepId === 'string' || move.stepId === null) &&
        typeof move.at === 'number' &&
        Number.isFinite(move.at),
    )
}

/**
 * The report shows the agenda as it was run: when each step started and how long it lasted. The
 * facilitator's app moves `state.stepId`; the relay notes each move on its own clock.
 */
export function agendaRunLog(now: () => number): RoomPolicy {
  return {
    name: 'agenda-run',
    kinds: ['session'],
    onClientTransaction(room, _connection, transaction) {
      const state = stateMap(room.doc)
      if (!changedKeys(transaction, state).has('stepId')) return
      const value = state.get('stepId')
      const stepId = typeof value === 'string' ? value : null
      const log = agendaRunArray(room.doc)
      if (log.length > 0 && log.get(log.length - 1)?.stepId === stepId) return
      room.doc.transact(() => log.push([{ stepId, at: now() }]), SERVER_ORIGIN)
    },
  }
}

export interface StepTime {
  /** Server epoch ms of the step's first start. */
  startedAt: number
  /** Time spent on it over its finished runs. */
  spentMs: number
  /** The step is still the current one (its last run has no end yet). */
  current: boolean
}

/** When each step first started and how long it ran, from the moves in order. */
export function stepTimes(moves: readonly AgendaMove[]): Map<string, StepTime> {
  const times = new Map<string, StepTime>()
  moves.forEach((move, index) => {
    if (move.stepId === null) return
    const next = moves[index + 1]
    const time = times.get(move.stepId) ?? { startedAt: move.at, spentMs: 0, current: false }
    if (next) time.spentMs += Math.max(0, next.at - move.at)
    else time.current = true
    times.set(move.stepId, time)
  })
  return times
}
