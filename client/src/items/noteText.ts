import { estimateWidth, fitFontSize, type MeasureText } from '@atelier/shared'
import { NOTE_FONT_FAMILY, NOTE_LINE_HEIGHT, NOTE_PADDING } from './theme.js'

/** Words seen so far, so a board of thousands of notes measures each word once. */
const MAX_CACHED = 20_000

/**
 * Widths from the browser's own text metrics, in the font the canvas draws notes with: the
 * layout then agrees with where Konva breaks lines (an estimate cut long words on some fonts).
 */
function canvasMeasure(fontFamily: string): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (!context) return estimateWidth
  context.font = `100px ${fontFamily}`
  const cache = new Map<string, number>()
  return (text) => {
    let width = cache.get(text)
    if (width === undefined) {
      if (cache.size >= MAX_CACHED) cache.clear()
      width = context.measureText(text).width / 100
      cache.set(text, width)
    }
    return width
  }
}

let noteMeasure: MeasureText | null = null

/**
 * Font size of the text of a note, free text or shape `w`×`h`, at most `maxFontSize`: the canvas,
 * the in-place editor and the pictures use the same one, so the text does not jump when editing starts.
 */
export function noteFontSize(text: string, w: number, h: number, maxFontSize: number): number {
  noteMeasure ??= canvasMeasure(NOTE_FONT_FAMILY)
  return fitFontSize(text, w, h, {
    padding: NOTE_PADDING,
    lineHeight: NOTE_LINE_HEIGHT,
    maxFontSize,
    measure: noteMeasure,
  })
}
