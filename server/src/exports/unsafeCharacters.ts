/**
 * Characters a note may carry that no export should pass on: C0 and C1 control characters (tab
 * and line breaks aside) and the bidirectional marks, overrides and isolates, which can make a
 * cell or a line read differently from what it holds ("Trojan Source").
 */
const UNSAFE = /[^\P{Cc}\t\n\r]|\p{Bidi_C}/gu

/** The text without control and bidirectional override characters. */
export function withoutUnsafeCharacters(value: string): string {
  return value.replace(UNSAFE, '')
}
