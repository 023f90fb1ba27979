import type { Lang } from '@atelier/shared'
import type { ExportedNote } from './notes.js'
import { type NoteCell, noteHeaders, noteRows } from './notesTable.js'
import { localDateTime } from './timeZone.js'
import { withoutUnsafeCharacters } from './unsafeCharacters.js'

/** Field separators a spreadsheet splits on: `,` by default, `;` for French spreadsheets. */
export const CSV_SEPARATORS = [',', ';'] as const
export type CsvSeparator = (typeof CSV_SEPARATORS)[number]

const BOM = '\uFEFF'

/**
 * Where a spreadsheet may see a formula begin: = + - @ (and their full-width forms, which some
 * spreadsheets fold) at the start of the cell — or after a comma, a semicolon or a line break,
 * since a file read with the other separator than it was written with (or by a reader that does
 * not honour quotes there) starts a new cell at those places. Spaces before are skipped, as
 * LibreOffice can trim them on import.
 */
const FORMULA_STARTS = /(^|[,;\n])(?=\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g

/** Any character that could end a field under either separator, or a line, or a quote. */
const NEEDS_QUOTES = /[",;\t\n]/

/**
 * One text cell: control and bidi characters removed, line breaks as LF, tabs as spaces, an
 * apostrophe (before any spaces) wherever a formula could start, then quoted (RFC 4180) when the cell holds a quote, a
 * line break or EITHER separator. Read with either separator, the file puts no formula in any
 * cell, even where the other separator splits a quoted cell.
 */
export function csvText(value: string): string {
  const clean = withoutUnsafeCharacters(value).replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
  const safe = clean.replace(FORMULA_STARTS, "$1'")
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe
}

export interface CsvOptions {
  lang: Lang
  separator: CsvSeparator
  /** The zone of the times (said in the header). */
  timeZone: string
}

/** One cell as CSV text; a time as spreadsheets parse it, `2025-03-14 10:05:00`, in `timeZone`. */
function csvCell(cell: NoteCell, timeZone: string): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'string') return csvText(cell)
  return localDateTime(cell.time, timeZone)
}

/**
 * The notes as CSV: UTF-8 BOM (so spreadsheets pick the right encoding), CRLF rows, the header in
 * `lang` first, then one row per note (see `notesTable.ts`).
 */
export function renderNotesCsv(
  notes: readonly ExportedNote[],
  { lang, separator, timeZone }: CsvOptions,
): string {
  const rows = [noteHeaders(lang, timeZone), ...noteRows(notes, lang)].map((row) =>
    row.map((cell) => csvCell(cell, timeZone)).join(separator),
  )
  return `${BOM}${rows.join('\r\n')}\r\n`
}
