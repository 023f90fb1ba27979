import { CloseCode, CloseReason } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import {
  RETRY_FIRST_MS,
  RETRY_MAX_MS,
  RETRY_STEADY_MS,
  reconnectAtOnce,
  type Timers,
  TryAgainLater,
} from './retryLater.js'

/** Timers run by hand: `advance` fires whatever is due. */
function manualTimers() {
  let now = 0
  let nextId = 0
  const due = new Map<number, { at: number; fn: () => void }>()
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      due.set(++nextId, { at: now + ms, fn })
      return nextId
    },
    clearTimeout: (handle) => {
      due.delete(handle as number)
    },
  }
  const advance = (ms: number) => {
    now += ms
    for (const [id, timer] of [...due]) {
      if (timer.at <= now) {
        due.delete(id)
        timer.fn()
      }
    }
  }
  return { timers, advance }
}

function setup() {
  const { timers, advance } = manualTimers()
  const connects: number[] = []
  let elapsed = 0
  const tick = (ms: number) => {
    elapsed += ms
    advance(ms)
  }
  let changes = 0
  const retry = new TryAgainLater({ connect: () => connects.push(elapsed) }, () => changes++, timers)
  return { retry, connects, tick, changes: () => changes }
}

const cannotSave = { code: CloseCode.tryAgainLater, reason: CloseReason.storeUnavailable }

describe('reconnecting after "try again later"', () => {
  it('leaves 1013 and refused links to the app, every other close to y-websocket', () => {
    expect(reconnectAtOnce({ code: CloseCode.tryAgainLater })).toBe(false)
    expect(reconnectAtOnce({ code: CloseCode.unauthorized })).toBe(false)
    expect(reconnectAtOnce({ code: CloseCode.serviceRestart })).toBe(true)
    expect(reconnectAtOnce({ code: 1011 })).toBe(true)
  })

  it('waits longer after each refusal, up to the cap, and says the server cannot save', () => {
    const { retry, connects, tick } = setup()
    const waits: number[] = []
    let last = 0
    for (let i = 0; i < 6; i++) {
      retry.onClosed(cannotSave)
      const before = connects.length
      while (connects.length === before) tick(100)
      waits.push((connects.at(-1) ?? 0) - last)
      last = connects.at(-1) ?? 0
    }
    expect(waits).toEqual([RETRY_FIRST_MS, 4000, 8000, 16000, RETRY_MAX_MS, RETRY_MAX_MS])
    expect(retry.storeUnavailable).toBe(true)
  })

  it('clears the state and the waits once a connection holds', () => {
    const { retry, tick, changes } = setup()
    retry.onClosed(cannotSave)
    expect(changes()).toBe(1)
    tick(RETRY_FIRST_MS)
    retry.onStatus({ status: 'connected' })
    tick(RETRY_STEADY_MS - 100)
    expect(retry.storeUnavailable).toBe(true)
    tick(100)
    expect(retry.storeUnavailable).toBe(false)
    expect(changes()).toBe(2)
  })

  it('keeps the state when the connection is refused again before it holds', () => {
    const { retry, tick } = setup()
    retry.onClosed(cannotSave)
    tick(RETRY_FIRST_MS)
    retry.onStatus({ status: 'connected' })
    tick(50)
    retry.onStatus({ status: 'disconnected' })
    retry.onClosed(cannotSave)
    tick(RETRY_STEADY_MS)
    expect(retry.storeUnavailable).toBe(true)
  })

  it('ignores other closes', () => {
    const { retry, connects, tick } = setup()
    retry.onClosed({ code: CloseCode.unauthorized, reason: '' })
    tick(RETRY_MAX_MS)
    expect(connects).toEqual([])
    expect(retry.storeUnavailable).toBe(false)
  })
})
