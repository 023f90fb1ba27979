import { describe, expect, it } from 'vitest'
import { fitFontSize, wrappedLineCount } from './textFit.js'

describe('wrappedLineCount', () => {
  it('counts explicit line breaks', () => {
    expect(wrappedLineCount('a\nb\nc', 1000, 10)).toBe(3)
  })

  it('wraps words that do not fit the width', () => {
    // 10 characters per line at fontSize 10 and width 55.
    expect(wrappedLineCount('aaaa bbbb cccc', 55, 10)).toBe(2)
  })

  it('breaks a word longer than a line', () => {
    expect(wrappedLineCount('a'.repeat(25), 55, 10)).toBe(3)
  })
})

describe('fitFontSize', () => {
  it('keeps short text at the largest size', () => {
    expect(fitFontSize('Oui', 200, 200)).toBe(28)
  })

  it('shrinks as text grows, down to the minimum', () => {
    const short = fitFontSize('Une idée courte', 200, 200)
    const long = fitFontSize('Une idée beaucoup plus longue '.repeat(4), 200, 200)
    const huge = fitFontSize('mot '.repeat(2000), 200, 200)
    expect(long).toBeLessThan(short)
    expect(huge).toBe(8)
  })

  it('returns a size at which the text fits the box', () => {
    const text = 'Comment pourrions-nous simplifier les démarches des usagers ?'
    const size = fitFontSize(text, 200, 200)
    expect(wrappedLineCount(text, 200 - 28, size) * size * 1.25).toBeLessThanOrEqual(200 - 28)
  })
})
