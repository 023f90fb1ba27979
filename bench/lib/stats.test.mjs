import { describe, expect, it } from 'vitest'
import { percentile, summarize } from './stats.mjs'

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(percentile(sorted, 50)).toBe(5)
    expect(percentile(sorted, 90)).toBe(9)
    expect(percentile(sorted, 99)).toBe(10)
    expect(percentile(sorted, 100)).toBe(10)
    expect(percentile(sorted, 0)).toBe(1)
  })

  it('returns NaN for an empty sample and rejects out-of-range percentiles', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError)
  })
})

describe('summarize', () => {
  it('sorts numerically, not lexically, and leaves the input alone', () => {
    const values = [10, 9, 100, 1, 2]
    const s = summarize(values)
    expect(s).toMatchObject({ count: 5, p50: 9, p90: 100, max: 100, mean: 24.4 })
    expect(values).toEqual([10, 9, 100, 1, 2])
  })

  it('handles an empty sample', () => {
    expect(summarize([])).toMatchObject({ count: 0, p50: Number.NaN, max: Number.NaN })
  })
})
