import { describe, expect, it } from 'vitest'
import { fitFontSize, wrappedLineCount } from './textFit.js'

describe('wrappedLineCount', () => {
  it('counts explicit line breaks', () => {
    expect(wrappedLineCount('a\nb\nc', 1000, 10)).toBe(3)
  })

  it('wraps words that do not fit the width', () => {
    // 9 characters per line at fontSize 10 and width 55.
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

  it('shrinks a long word rather than cut it across two lines', () => {
    const size = fitFontSize('Permanences', 200, 200)
    expect(size).toBeLessThan(28)
    expect('Permanences'.length * size * 0.6).toBeLessThanOrEqual(200 - 28)
    expect(wrappedLineCount('Permanences', 200 - 28, size)).toBe(1)
  })

  it('wraps by the widths the measurer gives, not by character count', () => {
    const wideM = (text: string) => [...text].reduce((sum, c) => sum + (c === 'm' ? 1 : 0.5), 0)
    // "mmm" is 3 units wide at size 1: two of them (plus a 0.5 space) need 6.5 units.
    expect(wrappedLineCount('mmm mmm', 6.5, 1, wideM)).toBe(1)
    expect(wrappedLineCount('mmm mmm', 6, 1, wideM)).toBe(2)
    expect(fitFontSize('mmmm', 100, 100, { padding: 0, measure: wideM })).toBe(25)
  })

  it('returns a size at which the text fits the box', () => {
    const text = 'Comment pourrions-nous simplifier les démarches des usagers ?'
    const size = fitFontSize(text, 200, 200)
    expect(wrappedLineCount(text, 200 - 28, size) * size * 1.25).toBeLessThanOrEqual(200 - 28)
  })
})
