import { describe, expect, it } from 'vitest'
import { initial } from './TeamMarks.js'

describe('team badge', () => {
  it('shows the first letter of the team, so the colour is not the only sign', () => {
    expect(initial('Les Bleus')).toBe('L')
    expect(initial('  élan')).toBe('É')
    expect(initial('')).toBe('?')
  })
})
