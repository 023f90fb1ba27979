import { describe, expect, it } from 'vitest'
import { clampWhole } from './NumberField.js'

describe('clampWhole', () => {
  it('keeps a whole number within its bounds', () => {
    expect(clampWhole(5, 0, 180)).toBe(5)
    expect(clampWhole(-3, 0, 180)).toBe(0)
    expect(clampWhole(999, 1, 20)).toBe(20)
    expect(clampWhole(2.6, 1, 20)).toBe(3)
  })

  it('turns a cleared field into the lower bound', () => {
    expect(clampWhole(Number.NaN, 1, 20)).toBe(1)
  })
})
