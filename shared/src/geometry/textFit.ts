/** Text layout inside a note: pure, so the canvas and the tests agree on what fits. */

/** Width of a string at font size 1, in the same units as the box (the canvas passes measureText). */
export type MeasureText = (text: string) => number

export interface TextFitOptions {
  maxFontSize?: number
  minFontSize?: number
  padding?: number
  lineHeight?: number
  /** How wide text is; defaults to an estimate of CHAR_WIDTH per character. */
  measure?: MeasureText
}

/**
 * Average glyph advance as a fraction of the font size, for when no real measurement is at hand:
 * 0.6 covers the wider sans-serif fonts (DejaVu Sans) as well as Segoe UI or San Francisco.
 */
export const CHAR_WIDTH = 0.6

export const estimateWidth: MeasureText = (text) => text.length * CHAR_WIDTH

/**
 * Number of lines `text` wraps to in a box `width` wide at `fontSize`, breaking between words and
 * cutting a word only when it is wider than a whole line (as Konva's `wrap: 'word'` does).
 */
export function wrappedLineCount(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureText = estimateWidth,
): number {
  const space = measure(' ') * fontSize
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let current = 0
    let paragraphLines = 1
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = measure(word) * fontSize
      if (current > 0 && current + space + wordWidth <= width) {
        current += space + wordWidth
        continue
      }
      if (current > 0) paragraphLines++
      // A word wider than the line takes as many lines as it needs; the next word starts after it.
      const spans = Math.max(1, Math.ceil(wordWidth / width))
      paragraphLines += spans - 1
      current = wordWidth - (spans - 1) * width
    }
    lines += paragraphLines
  }
  return lines
}

/**
 * Largest font size (in whole units) at which `text` fits the box; shrinks long notes instead of
 * clipping, and shrinks a long word rather than cut it across two lines while a size keeps it whole.
 */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  options: TextFitOptions = {},
): number {
  const {
    maxFontSize = 28,
    minFontSize = 8,
    padding = 14,
    lineHeight = 1.25,
    measure = estimateWidth,
  } = options
  const innerW = Math.max(1, width - 2 * padding)
  const innerH = Math.max(1, height - 2 * padding)
  const widestWord = Math.max(0, ...text.split(/\s+/).map((word) => measure(word)))
  for (let size = maxFontSize; size > minFontSize; size--) {
    if (widestWord * size > innerW) continue
    if (wrappedLineCount(text, innerW, size, measure) * size * lineHeight <= innerH) return size
  }
  return minFontSize
}
