import type * as Y from 'yjs'
import { type AgendaMove, agendaRunArray } from '../sync/policies/agendaRun.js'

export type { AgendaMove }

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
