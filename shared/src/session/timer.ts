import type { TimerState } from './types.js'

/** Pure timer transitions; `now` is server time (see clockOffset). */

export const STOPPED_TIMER: TimerState = { status: 'stopped', durationMs: 0, endsAt: null, remainingMs: 0 }

export function remainingMs(timer: TimerState, now: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now)
  return Math.max(0, timer.remainingMs)
}

export function startTimer(durationMs: number, now: number): TimerState {
  return { status: 'running', durationMs, endsAt: now + durationMs, remainingMs: durationMs }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer
  return { ...timer, status: 'paused', endsAt: null, remainingMs: remainingMs(timer, now) }
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'paused' || timer.remainingMs <= 0) return timer
  return { ...timer, status: 'running', endsAt: now + timer.remainingMs }
}

/** Adds (or with a negative value removes) time, whatever the state; a stopped timer starts paused. */
export function addTime(timer: TimerState, deltaMs: number, now: number): TimerState {
  const left = Math.max(0, remainingMs(timer, now) + deltaMs)
  const durationMs = Math.max(timer.durationMs, left)
  if (timer.status === 'running') return { ...timer, durationMs, endsAt: now + left, remainingMs: left }
  return { ...timer, status: 'paused', durationMs, endsAt: null, remainingMs: left }
}

export function resetTimer(timer: TimerState): TimerState {
  return { status: 'stopped', durationMs: timer.durationMs, endsAt: null, remainingMs: timer.durationMs }
}

export function isFinished(timer: TimerState, now: number): boolean {
  return timer.status === 'running' && remainingMs(timer, now) === 0
}

/** "4:05", or "1:02:03" past an hour; rounds up so the display reaches 0:00 exactly at zero. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/**
 * Offset to add to the local clock to get server time, from one request: sent at `t0`,
 * answered with server time `server`, received at `t1` (both local). Assumes a symmetric path.
 */
export function clockOffset(t0: number, server: number, t1: number): number {
  return server - (t0 + t1) / 2
}
