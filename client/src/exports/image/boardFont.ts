import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url'
import cyrillic600 from '@fontsource/noto-sans/files/noto-sans-cyrillic-600-normal.woff2?url'
import greek400 from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff2?url'
import greek600 from '@fontsource/noto-sans/files/noto-sans-greek-600-normal.woff2?url'
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url'
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url'
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url'
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url'
import { type FontFile, filesFor, fontFaceCss } from './fontFaces.js'

/**
 * The board's font: Noto Sans (SIL Open Font License, from `@fontsource/noto-sans`), regular and
 * semi-bold. The app loads it for the canvas (`start.tsx`), and exported pictures embed the same
 * files, so a picture renders as the board does on any machine. The ranges are the package's own
 * (its CSS) for the scripts a picture embeds; text in other scripts falls back to the viewer's fonts.
 */
export const BOARD_FONT_FAMILY = 'Noto Sans'

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'
const GREEK = 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF'
const CYRILLIC = 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116'

export const BOARD_FONT_FILES: readonly FontFile[] = [
  { weight: 400, unicodeRange: LATIN, url: latin400, always: true },
  { weight: 600, unicodeRange: LATIN, url: latin600, always: true },
  { weight: 400, unicodeRange: LATIN_EXT, url: latinExt400 },
  { weight: 600, unicodeRange: LATIN_EXT, url: latinExt600 },
  { weight: 400, unicodeRange: GREEK, url: greek400 },
  { weight: 600, unicodeRange: GREEK, url: greek600 },
  { weight: 400, unicodeRange: CYRILLIC, url: cyrillic400 },
  { weight: 600, unicodeRange: CYRILLIC, url: cyrillic600 },
]

async function dataUrl(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`the board's font ${url} did not load: HTTP ${response.status}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return `data:font/woff2;base64,${btoa(binary)}`
}

/** The `@font-face` rules a picture of these texts needs, its font files embedded. */
export async function boardFontCss(
  texts: Iterable<string>,
  weights: ReadonlySet<number>,
  signal: AbortSignal,
): Promise<string> {
  const files = filesFor(BOARD_FONT_FILES, texts, weights)
  const faces = await Promise.all(
    files.map(async (file) => ({ file, dataUrl: await dataUrl(file.url, signal) })),
  )
  return fontFaceCss(BOARD_FONT_FAMILY, faces)
}
