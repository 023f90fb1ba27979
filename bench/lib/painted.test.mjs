import { describe, expect, it } from 'vitest'
import { paintedAt, verdict } from './painted.mjs'

describe('paintedAt', () => {
  it('is the first frame from which the settled picture is (nearly) all there', () => {
    const samples = [
      [100, 0],
      [116, 0],
      [133, 400],
      [150, 950],
      [166, 1000],
    ]
    expect(paintedAt(samples)).toBe(150)
  })

  it('ignores a full-looking frame the picture later fell back from', () => {
    // The cached board at another camera, then empty while re-framing, then the settled view.
    const samples = [
      [100, 1200],
      [116, 0],
      [133, 1000],
      [150, 1000],
    ]
    expect(paintedAt(samples)).toBe(133)
  })

  it('is null when no note is ever drawn, and the first frame when all are at once', () => {
    expect(
      paintedAt([
        [1, 0],
        [2, 0],
      ]),
    ).toBeNull()
    expect(paintedAt([])).toBeNull()
    expect(
      paintedAt([
        [5, 10],
        [6, 10],
      ]),
    ).toBe(5)
  })

  it('rejects a fraction outside (0, 1]', () => {
    expect(() => paintedAt([[1, 1]], 0)).toThrow(RangeError)
    expect(() => paintedAt([[1, 1]], 1.5)).toThrow(RangeError)
  })
})

describe('verdict', () => {
  it('counts the runs that met each target and names the rows that missed', () => {
    const result = verdict([
      { name: '5,000 cold ≤ 1500 ms', values: [1400, 1600, 1200], met: (v) => v <= 1500 },
      { name: 'pan ≥ 55 fps', values: [59.9, 59.9], met: (v) => v >= 55 },
      { name: 'warm ≤ 500 ms', values: [null], met: (v) => v <= 500 },
    ])
    expect(result.rows).toEqual([
      { name: '5,000 cold ≤ 1500 ms', met: 2, runs: 3 },
      { name: 'pan ≥ 55 fps', met: 2, runs: 2 },
      { name: 'warm ≤ 500 ms', met: 0, runs: 1 },
    ])
    expect(result.verdict).toBe('target missed: 5,000 cold ≤ 1500 ms (2/3 runs); warm ≤ 500 ms (0/1 runs)')
    expect(verdict([{ name: 'x', values: [1], met: () => true }]).verdict).toBe('target met')
  })
})
