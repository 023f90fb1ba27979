import { formatRemaining, remainingMs, type TimerState } from '@atelier/shared'

/** What the timer widget shows; `ending` is the last stretch, when the pill turns amber. */
export type TimerPhase = 'idle' | 'running' | 'ending' | 'paused' | 'finished'

export interface TimerDisplay {
  phase: TimerPhase
  text: string
  remainingMs: number
  /** Share of the duration already spent, 0…1, for the progress ring. */
  elapsed: number
}

/** Below this, a running timer is "ending": people see it coming instead of being surprised at zero. */
export const ENDING_MS = 10_000

export function timerDisplay(timer: TimerState, now: number): TimerDisplay {
  const left = remainingMs(timer, now)
  const elapsed = timer.durationMs > 0 ? Math.min(1, Math.max(0, 1 - left / timer.durationMs)) : 0
  const phase: TimerPhase =
    timer.status === 'running'
      ? left === 0
        ? 'finished'
        : left <= ENDING_MS
          ? 'ending'
          : 'running'
      : timer.status === 'paused'
        ? 'paused'
        : 'idle'
  return { phase, text: formatRemaining(left), remainingMs: left, elapsed }
}

/**
 * Whether this change of phase is the moment the countdown reached zero on this screen. A timer
 * that was already at zero when the page opened does not chime: nobody was waiting for it.
 */
export function reachedZero(previous: TimerPhase | null, next: TimerPhase): boolean {
  return next === 'finished' && (previous === 'running' || previous === 'ending')
}

/** Minutes the facilitator can start the timer with in one click. */
export const TIMER_PRESETS_MIN = [1, 3, 5, 10, 15] as const
