import { describe, expect, it } from 'vitest'
import { keepUnchanged } from './sharing.js'

describe('keepUnchanged', () => {
  it('keeps the previous snapshot, and each unchanged part, by identity', () => {
    const previous = { teams: [{ id: 't' }], scores: { lines: [1] } }
    expect(keepUnchanged(previous, { teams: [{ id: 't' }], scores: { lines: [1] } })).toBe(previous)
    const next = keepUnchanged(previous, { teams: [{ id: 't' }], scores: { lines: [2] } })
    expect(next.teams).toBe(previous.teams)
    expect(next.scores).toEqual({ lines: [2] })
  })

  it('sees a person renamed under the same person id (names compared by content, not count)', () => {
    const previous = { names: new Map([['p1', 'Ann']]) }
    const next = keepUnchanged(previous, { names: new Map([['p1', 'Anne']]) })
    expect(next.names.get('p1')).toBe('Anne')
  })
})
