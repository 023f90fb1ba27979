/** Text layout inside a note: pure, so the canvas and the tests agree on what fits. */

export interface TextFitOptions {
  maxFontSize?: number
  minFontSize?: number
  padding?: number
  lineHeight?: number
  /** Average glyph advance as a fraction of the font size (0.55 suits sans-serif UI fonts). */
  charWidth?: number
}

/** Number of lines `text` wraps to in a box `width` wide at `fontSize`. */
export function wrappedLineCount(text: string, width: number, fontSize: number, charWidth = 0.55): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * charWidth)))
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let current = 0
    let paragraphLines = 1
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length
      if (current === 0) {
        paragraphLines += Math.floor(Math.max(0, length - 1) / perLine)
        current = length % perLine || perLine
      } else if (current + 1 + length <= perLine) {
        current += 1 + length
      } else {
        paragraphLines += 1 + Math.floor(Math.max(0, length - 1) / perLine)
        current = length % perLine || perLine
      }
    }
    lines += paragraphLines
  }
  return lines
}

/** Largest font size (in whole units) at which `text` fits the box; shrinks long notes instead of clipping. */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  options: TextFitOptions = {},
): number {
  const { maxFontSize = 28, minFontSize = 8, padding = 14, lineHeight = 1.25, charWidth = 0.55 } = options
  const innerW = Math.max(1, width - 2 * padding)
  const innerH = Math.max(1, height - 2 * padding)
  for (let size = maxFontSize; size > minFontSize; size--) {
    if (wrappedLineCount(text, innerW, size, charWidth) * size * lineHeight <= innerH) return size
  }
  return minFontSize
}
