import { describe, expect, it } from 'vitest'
import {
  addTime,
  clockOffset,
  formatRemaining,
  isFinished,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  STOPPED_TIMER,
  startTimer,
} from './timer.js'

describe('timer', () => {
  const t0 = 1_000_000

  it('counts down in server time and stops at zero', () => {
    const timer = startTimer(5 * 60_000, t0)
    expect(remainingMs(timer, t0 + 60_000)).toBe(4 * 60_000)
    expect(remainingMs(timer, t0 + 10 * 60_000)).toBe(0)
    expect(isFinished(timer, t0 + 5 * 60_000)).toBe(true)
    expect(isFinished(timer, t0 + 1)).toBe(false)
  })

  it('pauses and resumes without losing time', () => {
    const paused = pauseTimer(startTimer(60_000, t0), t0 + 20_000)
    expect(paused.status).toBe('paused')
    expect(remainingMs(paused, t0 + 999_999)).toBe(40_000)
    const resumed = resumeTimer(paused, t0 + 100_000)
    expect(remainingMs(resumed, t0 + 110_000)).toBe(30_000)
  })

  it('adds a minute to a running, paused or stopped timer', () => {
    const running = addTime(startTimer(60_000, t0), 60_000, t0 + 30_000)
    expect(remainingMs(running, t0 + 30_000)).toBe(90_000)
    expect(running.status).toBe('running')
    const fromStopped = addTime(STOPPED_TIMER, 60_000, t0)
    expect(fromStopped).toMatchObject({ status: 'paused', remainingMs: 60_000 })
    expect(addTime(fromStopped, -120_000, t0).remainingMs).toBe(0)
  })

  it('resets to its duration, stopped', () => {
    const reset = resetTimer(startTimer(90_000, t0))
    expect(reset).toEqual({ status: 'stopped', durationMs: 90_000, endsAt: null, remainingMs: 90_000 })
    expect(resumeTimer(reset, t0)).toBe(reset)
  })

  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [300_000, '5:00'],
    [3_723_000, '1:02:03'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text)
  })

  it('estimates the server clock offset from one round trip', () => {
    expect(clockOffset(1000, 5100, 1200)).toBe(4000)
  })
})
