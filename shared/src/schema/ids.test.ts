import { describe, expect, it } from 'vitest'
import { randomId } from './ids.js'

describe('randomId', () => {
  it('is URL-safe and long enough to carry the requested entropy', () => {
    const id = randomId(16)
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(id.length * 6).toBeGreaterThanOrEqual(128)
  })

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomId()))
    expect(ids.size).toBe(10_000)
  })
})
