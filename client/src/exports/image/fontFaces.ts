/**
 * Picking and writing the font files an exported picture embeds. The board's font comes in files
 * per script (a "subset" with its Unicode range, as the browser loads them on screen); a picture
 * embeds only the files of the scripts its text uses, so a French board carries the Latin files
 * alone. Pure functions, unit-tested; `boardFont.ts` names the files.
 */

/** One font file of the board's family: a weight, the characters it covers, where it is served. */
export interface FontFile {
  weight: number
  /** A CSS `unicode-range` value: `U+0000-00FF,U+0131,…`. */
  unicodeRange: string
  url: string
  /** Embedded whatever the text (the basic Latin file: digits, punctuation, spaces). */
  always?: boolean
}

/** The code point intervals of a CSS `unicode-range` value. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const match = /^\s*U\+([0-9A-Fa-f]{1,6})(?:-([0-9A-Fa-f]{1,6}))?\s*$/.exec(part)
    if (!match?.[1]) throw new Error(`"${part}" is not a unicode-range part (U+XXXX or U+XXXX-YYYY)`)
    const start = Number.parseInt(match[1], 16)
    return [start, match[2] ? Number.parseInt(match[2], 16) : start]
  })
}

/** The files a picture whose texts are `texts` needs, for the weights it uses. */
export function filesFor(
  files: readonly FontFile[],
  texts: Iterable<string>,
  weights: ReadonlySet<number>,
): FontFile[] {
  const covers = (file: FontFile, code: number) =>
    parseUnicodeRange(file.unicodeRange).some(([start, end]) => code >= start && code <= end)
  const base = files.filter((file) => file.always)
  // Characters the always-embedded files draw need no other file (ranges overlap: Œ is in two).
  const codes = new Set<number>()
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0
      if (!base.some((file) => covers(file, code))) codes.add(code)
    }
  }
  return files.filter(
    (file) => weights.has(file.weight) && (file.always || [...codes].some((code) => covers(file, code))),
  )
}

/** `@font-face` rules for the files, each given as a `data:` URL so the picture stands alone. */
export function fontFaceCss(family: string, faces: readonly { file: FontFile; dataUrl: string }[]): string {
  return faces
    .map(
      ({ file, dataUrl }) =>
        `@font-face{font-family:"${family}";font-style:normal;font-weight:${file.weight};` +
        `src:url(${dataUrl}) format("woff2");unicode-range:${file.unicodeRange}}`,
    )
    .join('\n')
}
