import { pauseTimer, STOPPED_TIMER, startTimer } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { reachedZero, timerDisplay } from './timerDisplay.js'

describe('timerDisplay', () => {
  const started = startTimer(5 * 60_000, 1_000)

  it('counts down from the server end time', () => {
    expect(timerDisplay(started, 1_000)).toMatchObject({ phase: 'running', text: '5:00', elapsed: 0 })
    expect(timerDisplay(started, 1_000 + 60_500)).toMatchObject({ phase: 'running', text: '4:00' })
  })

  it('turns to ending in the last ten seconds, then finished at zero', () => {
    expect(timerDisplay(started, 1_000 + 291_000).phase).toBe('ending')
    expect(timerDisplay(started, 1_000 + 300_000)).toMatchObject({
      phase: 'finished',
      text: '0:00',
      elapsed: 1,
    })
    expect(timerDisplay(started, 1_000 + 400_000).remainingMs).toBe(0)
  })

  it('freezes while paused and is idle when stopped', () => {
    const paused = pauseTimer(started, 1_000 + 30_000)
    expect(timerDisplay(paused, 1_000 + 200_000)).toMatchObject({ phase: 'paused', text: '4:30' })
    expect(timerDisplay(STOPPED_TIMER, 0)).toMatchObject({ phase: 'idle', text: '0:00', elapsed: 0 })
  })
})

describe('reachedZero', () => {
  it('fires only when a countdown seen running reaches zero', () => {
    expect(reachedZero('ending', 'finished')).toBe(true)
    expect(reachedZero('running', 'finished')).toBe(true)
    expect(reachedZero(null, 'finished')).toBe(false)
    expect(reachedZero('finished', 'finished')).toBe(false)
    expect(reachedZero('paused', 'running')).toBe(false)
  })
})
