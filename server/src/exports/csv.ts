import type { Lang, NoteColorId } from '@atelier/shared'
import type { ExportedNote } from './notes.js'

/** Field separators a spreadsheet splits on: `,` by default, `;` for French spreadsheets. */
export const CSV_SEPARATORS = [',', ';'] as const
export type CsvSeparator = (typeof CSV_SEPARATORS)[number]

const BOM = '\uFEFF'

/**
 * Control characters but the line feed (C0, DEL, C1: tabs and carriage returns are turned into
 * spaces and line feeds first), and the bidirectional controls — overrides, embeddings, isolates,
 * marks — that can make a cell read differently from what it holds ("Trojan Source").
 */
const INVISIBLE = /[^\P{Cc}\n]|\p{Bidi_C}/gu

/**
 * What a spreadsheet reads as the start of a formula: = + - @ (and their full-width forms, which
 * some spreadsheets fold), possibly after spaces, since LibreOffice can trim them on import.
 */
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/

/** Any character that could end a field under either separator, or a line, or a quote. */
const NEEDS_QUOTES = /[",;\t\n]/

/**
 * One text cell: control and bidi characters removed, line breaks as LF, formula starts defused
 * with a leading apostrophe, then quoted (RFC 4180) when the cell holds a quote, a line break,
 * or EITHER separator, so that a file opened with the other separator than the one it was
 * written with still keeps each cell whole and cannot put a formula at the start of a cell.
 */
export function csvText(value: string): string {
  const clean = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '')
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A time as spreadsheets parse it: `2025-03-14 10:05:00`, in UTC (said in the header). */
function csvTime(epochMs: number | null): string {
  if (epochMs === null) return ''
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')
}

const COLOR_NAMES: Record<Lang, Record<NoteColorId, string>> = {
  fr: {
    yellow: 'jaune',
    orange: 'orange',
    pink: 'rose',
    violet: 'violet',
    blue: 'bleu',
    green: 'vert',
    grey: 'gris',
  },
  en: {
    yellow: 'yellow',
    orange: 'orange',
    pink: 'pink',
    violet: 'violet',
    blue: 'blue',
    green: 'green',
    grey: 'grey',
  },
}

/** The palette name of a note colour in `lang`; a colour outside the palette stays as stored. */
export function colorName(color: string, lang: Lang): string {
  return (COLOR_NAMES[lang] as Record<string, string>)[color] ?? color
}

export const CSV_HEADERS: Record<Lang, readonly string[]> = {
  fr: [
    'Section',
    'Texte',
    'Couleur',
    'Auteur',
    'Votes',
    'Équipe',
    'Étiquettes',
    'Créée le (UTC)',
    'Modifiée le (UTC)',
    'Origine',
  ],
  en: [
    'Frame',
    'Text',
    'Colour',
    'Author',
    'Votes',
    'Team',
    'Tags',
    'Created (UTC)',
    'Updated (UTC)',
    'Origin',
  ],
}

const ORIGIN: Record<Lang, { contributed: string; template: string }> = {
  fr: { contributed: 'participant', template: 'modèle' },
  en: { contributed: 'participant', template: 'template' },
}

export interface CsvOptions {
  lang: Lang
  separator: CsvSeparator
}

/**
 * The notes as CSV: UTF-8 BOM (so spreadsheets pick the right encoding), CRLF rows, the header in
 * `lang` first, one row per note (template examples included, marked in the last column). The
 * updated time is the creation time for a note nobody changed since.
 */
export function renderNotesCsv(notes: readonly ExportedNote[], { lang, separator }: CsvOptions): string {
  const rows = notes.map((note) =>
    [
      csvText(note.frame ?? ''),
      csvText(note.text),
      csvText(colorName(note.color, lang)),
      csvText(note.author),
      String(note.votes),
      csvText(note.team),
      csvText(note.tags.join(', ')),
      csvTime(note.createdAt),
      csvTime(note.updatedAt ?? note.createdAt),
      note.contributed ? ORIGIN[lang].contributed : ORIGIN[lang].template,
    ].join(separator),
  )
  const header = CSV_HEADERS[lang].map(csvText).join(separator)
  return `${BOM}${[header, ...rows].join('\r\n')}\r\n`
}
