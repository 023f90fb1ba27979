import { describe, expect, it } from 'vitest'
import { type FontFile, filesFor, parseUnicodeRange } from './fontFaces.js'

const files: FontFile[] = [
  { weight: 400, unicodeRange: 'U+0000-00FF,U+0152-0153', url: 'latin-400', always: true },
  { weight: 600, unicodeRange: 'U+0000-00FF,U+0152-0153', url: 'latin-600', always: true },
  { weight: 400, unicodeRange: 'U+0100-017F', url: 'latin-ext-400' },
  { weight: 400, unicodeRange: 'U+0370-03FF', url: 'greek-400' },
  { weight: 600, unicodeRange: 'U+0370-03FF', url: 'greek-600' },
]
const urls = (picked: FontFile[]) => picked.map((file) => file.url)

describe('font files of an exported picture', () => {
  it('reads CSS unicode ranges, single code points included, and names a bad one', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+1F600-1F64F')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x1f600, 0x1f64f],
    ])
    expect(() => parseUnicodeRange('U+00G0')).toThrow('"U+00G0" is not a unicode-range part')
  })

  it('embeds only the Latin file for French text, in the weights the picture uses', () => {
    expect(urls(filesFor(files, ['Œuvre collective, déjà vue'], new Set([400])))).toEqual(['latin-400'])
    expect(urls(filesFor(files, [], new Set([400, 600])))).toEqual(['latin-400', 'latin-600'])
  })

  it('adds the file of each other script the text uses', () => {
    expect(urls(filesFor(files, ['ĳ', 'Ελληνικά'], new Set([400, 600])))).toEqual([
      'latin-400',
      'latin-600',
      'latin-ext-400',
      'greek-400',
      'greek-600',
    ])
    // Emoji and Chinese are in no file: the viewer's fonts draw them.
    expect(urls(filesFor(files, ['中文 😀'], new Set([400])))).toEqual(['latin-400'])
  })
})
