import type { Lang, NoteColorId } from '@atelier/shared'
import type { ExportedNote } from './notes.js'

/**
 * The notes as a table, the same for every spreadsheet format (CSV, XLSX): a header in the
 * language asked, then one row per note, template examples included and marked as such, and the
 * note's place in its frame (a scale's mark, a journey's stage) last: a column added after the
 * others, so a program that reads them by position reads them as before.
 */

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

/** The notes table's header in `lang`; its times are in `zone`. */
export function noteHeaders(lang: Lang, zone: string): string[] {
  return lang === 'fr'
    ? [
        'Section',
        'Texte',
        'Couleur',
        'Auteur',
        'Votes',
        'Équipe',
        'Étiquettes',
        `Créée le (${zone})`,
        `Modifiée le (${zone})`,
        'Origine',
        'Emplacement',
      ]
    : [
        'Frame',
        'Text',
        'Colour',
        'Author',
        'Votes',
        'Team',
        'Tags',
        `Created (${zone})`,
        `Updated (${zone})`,
        'Origin',
        'Place',
      ]
}

const ORIGIN: Record<Lang, { contributed: string; template: string }> = {
  fr: { contributed: 'participant', template: 'modèle' },
  en: { contributed: 'participant', template: 'template' },
}

/** A cell: text, a count, or a time (epoch ms) each format writes its own way, in the table's zone. */
export type NoteCell = string | number | { time: number } | null

/** The rows of the notes table; the updated time is the creation time for a note nobody changed since. */
export function noteRows(notes: readonly ExportedNote[], lang: Lang): NoteCell[][] {
  const time = (epochMs: number | null) => (epochMs === null ? null : { time: epochMs })
  return notes.map((note) => [
    note.frame ?? '',
    note.text,
    colorName(note.color, lang),
    note.author,
    note.votes,
    note.team,
    note.tags.join(', '),
    time(note.createdAt),
    time(note.updatedAt ?? note.createdAt),
    note.contributed ? ORIGIN[lang].contributed : ORIGIN[lang].template,
    note.place,
  ])
}
