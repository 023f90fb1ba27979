import {
  type AgendaStep,
  boundsOf,
  type Rect,
  type SessionState,
  startTimer,
  stepFrameIds,
  type TimerState,
  type VoteRound,
  type WritingMode,
} from '@atelier/shared'

/** Everything "go to step" writes, computed first so it can be checked and applied in one transaction. */
export interface StepPlan {
  state: Partial<SessionState>
  timer: TimerState
  /** A round to close before anything else (the previous step's vote). */
  closeRoundId: string | null
  /** The step's vote round, opened on its frames. */
  round: Omit<VoteRound, 'voters' | 'results' | 'closedAt'> | null
  /** Where everyone's view goes (all the step's frames); null when the step names no frame that exists. */
  summonRect: Rect | null
}

export interface StepContext {
  now: number
  current: SessionState
  openRoundId: string | null
  frames: ReadonlyMap<string, Rect>
  newRoundId: string
}

/**
 * Leaving private writing always publishes what was written: a step that says "open" after a
 * private one would otherwise strand everybody's notes in their private rooms.
 */
export function nextWritingMode(current: WritingMode, target: WritingMode): WritingMode {
  if (current === 'private' && target === 'open') return 'revealed'
  return target
}

export function planStep(step: AgendaStep, ctx: StepContext): StepPlan {
  const frameIds = stepFrameIds(step).filter((id) => ctx.frames.has(id))
  const round: StepPlan['round'] = step.vote
    ? {
        id: ctx.newRoundId,
        title: step.title,
        frameIds,
        itemIds: [],
        budget: step.vote.budget,
        ...(step.vote.maxPerItem !== undefined ? { maxPerItem: step.vote.maxPerItem } : {}),
        status: 'open',
        openedAt: ctx.now,
      }
    : null
  return {
    state: {
      stepId: step.id,
      writingMode: nextWritingMode(ctx.current.writingMode, step.mode),
      lockedFrameIds: (step.lockFrameIds ?? []).filter((id) => ctx.frames.has(id)),
      // The step's frame is where attention goes; a spotlight left from the previous step would hide it.
      spotlightFrameId: null,
      // What participants may do: the step's choice when it makes one, the board's otherwise.
      ...(step.participantTools ? { participantTools: step.participantTools } : {}),
      ...(step.ownItemsOnly !== undefined ? { ownItemsOnly: step.ownItemsOnly } : {}),
    },
    timer: startTimer(Math.max(0, step.durationMinutes) * 60_000, ctx.now),
    closeRoundId: ctx.openRoundId,
    round,
    summonRect: boundsOf(frameIds.flatMap((id) => ctx.frames.get(id) ?? [])),
  }
}

/** The step after the current one, or the first when none is running. */
export function nextStep(agenda: readonly AgendaStep[], currentId: string | null): AgendaStep | null {
  if (currentId === null) return agenda[0] ?? null
  const index = agenda.findIndex((step) => step.id === currentId)
  return index < 0 ? (agenda[0] ?? null) : (agenda[index + 1] ?? null)
}
