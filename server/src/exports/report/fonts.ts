import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'

/**
 * The report PDF's fonts: DejaVu Sans (regular, bold, oblique), embedded and subset by PDFKit, so
 * a report prints French, other Latin scripts, Greek, Cyrillic and the common symbols and emoji
 * that DejaVu draws (monochrome) exactly as written. A character DejaVu has no glyph for (Chinese,
 * most emoji) is printed as "□", so the reader sees that something was there; the DOCX, ODT and
 * Markdown reports keep every character.
 */

export const FONT_STYLES = ['regular', 'bold', 'italic'] as const
export type FontStyle = (typeof FONT_STYLES)[number]

const FILES: Record<FontStyle, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
}

/** What stands for a character the font cannot draw. */
export const MISSING_GLYPH = '□'

export interface ReportFont {
  /** The font file, for `doc.registerFont`. */
  data: Buffer
  /** The text with each character this font cannot draw replaced by `MISSING_GLYPH`. */
  printable(text: string): string
}

export type ReportFonts = Record<FontStyle, ReportFont>

/**
 * Joiners, variation selectors and skin-tone modifiers only shape a neighbouring emoji: alone they
 * would print as boxes of their own.
 */
const INVISIBLE = /\u200C|\u200D|[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]|\uD83C[\uDFFB-\uDFFF]/g
const SPACES = /[\u2000-\u200B\u202F\u205F]/g

function reportFont(data: Buffer, file: string): ReportFont {
  const font = fontkit.create(data)
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not one font`)
  const drawable = new Map<number, boolean>()
  const covers = (code: number): boolean => {
    let known = drawable.get(code)
    if (known === undefined) {
      known = font.hasGlyphForCodePoint(code)
      drawable.set(code, known)
    }
    return known
  }
  return {
    data,
    printable(text) {
      let out = ''
      for (const char of text.replace(INVISIBLE, '').replace(SPACES, ' ')) {
        const code = char.codePointAt(0) ?? 0
        out += char === '\n' || covers(code) ? char : MISSING_GLYPH
      }
      return out
    },
  }
}

let loading: Promise<ReportFonts> | null = null

/** The fonts, read from the package once per process. */
export function reportFonts(): Promise<ReportFonts> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url)
    const entries = await Promise.all(
      FONT_STYLES.map(async (style) => {
        const file = require.resolve(FILES[style])
        return [style, reportFont(await readFile(file), file)] as const
      }),
    )
    return Object.fromEntries(entries) as ReportFonts
  })()
  loading.catch(() => {
    loading = null
  })
  return loading
}
