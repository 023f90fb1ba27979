import type { ExportedNote } from './notes.js'

export const CSV_HEADER = ['frame', 'text', 'color', 'votes', 'author', 'x', 'y'] as const

const BOM = '\uFEFF'

/**
 * Quotes a text field (RFC 4180) and defuses spreadsheet formulas: a cell starting with = + - @
 * or a control character would be evaluated by Excel or LibreOffice, so it gets a leading quote.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe
}

function csvNumber(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** The notes as CSV: UTF-8 BOM (so spreadsheets pick the right encoding), CRLF rows, header first. */
export function renderNotesCsv(notes: readonly ExportedNote[]): string {
  const rows = notes.map((note) =>
    [
      csvText(note.frame ?? ''),
      csvText(note.text),
      csvText(note.color),
      csvNumber(note.votes),
      csvText(note.author),
      csvNumber(note.x),
      csvNumber(note.y),
    ].join(','),
  )
  return `${BOM}${[CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`
}
