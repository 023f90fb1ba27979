import type { ScoreSnapshot } from '@atelier/shared'
import { allNotes, type ExportedBoard, type ExportedNote } from './notes.js'

/** Escapes the characters Markdown would read as formatting, and keeps a note on one line. */
export function markdownText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
}

function noteLine(note: ExportedNote): string {
  const text = markdownText(note.text) || '_(empty)_'
  return note.votes > 0 ? `- ${text} (${note.votes} ${note.votes === 1 ? 'vote' : 'votes'})` : `- ${text}`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function section(title: string, notes: readonly ExportedNote[]): string[] {
  const ranked = [...notes].sort((a, b) => b.votes - a.votes)
  return [
    '',
    `## ${title} (${plural(notes.length, 'note')})`,
    '',
    ...(ranked.length > 0 ? ranked.map(noteLine) : ['_No notes._']),
  ]
}

/**
 * Scores and podium of a gamified session: each snapshot the facilitator kept (end of a sprint,
 * the podium), oldest first, as a ranked table.
 */
export function scoresSection(history: readonly ScoreSnapshot[]): string[] {
  if (history.length === 0) return []
  const lines = ['', '## Scores', '']
  for (const snapshot of history) {
    const when = new Date(snapshot.at).toISOString().slice(11, 16)
    lines.push(`### ${markdownText(snapshot.label) || 'Scores'} (${when} UTC, by ${snapshot.by})`, '')
    if (snapshot.lines.length === 0) {
      lines.push('_No points._', '')
      continue
    }
    lines.push('| Rank | Name | Points |', '| ---: | --- | ---: |')
    for (const line of snapshot.lines)
      lines.push(`| ${line.rank} | ${markdownText(line.name)} | ${line.points} |`)
    lines.push('')
  }
  lines.pop()
  return lines
}

/**
 * The workshop report: title, date, counts, then the notes of each frame, most voted first, and
 * the game's scores when the session kept any.
 */
export function renderReport(
  board: ExportedBoard,
  date: Date,
  game: { history: readonly ScoreSnapshot[] } = { history: [] },
): string {
  const notes = allNotes(board)
  const votes = notes.reduce((sum, note) => sum + note.votes, 0)
  const lines = [
    `# ${markdownText(board.title) || 'Untitled board'}`,
    '',
    `Date: ${date.toISOString().slice(0, 10)}`,
    '',
    `${plural(notes.length, 'note')} in ${plural(board.frames.length, 'frame')}, ${plural(votes, 'vote')}.`,
  ]
  for (const frame of board.frames)
    lines.push(...section(markdownText(frame.title) || 'Untitled frame', frame.notes))
  if (board.outside.length > 0) lines.push(...section('Outside frames', board.outside))
  lines.push(...scoresSection(game.history))
  return `${lines.join('\n')}\n`
}
