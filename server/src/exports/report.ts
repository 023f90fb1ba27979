import type { Lang, ScoreSnapshot } from '@atelier/shared'
import { allNotes, type ExportedBoard, type ExportedNote } from './notes.js'
import { REPORT_TEXT, type ReportText } from './reportText.js'
import type { SessionFacts } from './session.js'

/** Escapes the characters Markdown would read as formatting, and keeps a note on one line. */
export function markdownText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
}

function noteLine(note: ExportedNote, text: ReportText): string {
  const body = markdownText(note.text) || text.emptyNote
  const by = note.author ? ` — ${markdownText(note.author)}` : ''
  return note.votes > 0 ? `- ${body}${by} (${text.votesOn(note.votes)})` : `- ${body}${by}`
}

function notesSection(title: string, notes: readonly ExportedNote[], text: ReportText): string[] {
  const ranked = [...notes].sort((a, b) => b.votes - a.votes)
  return [
    '',
    `## ${text.frameHeading(title, notes.length)}`,
    '',
    ...(ranked.length > 0 ? ranked.map((note) => noteLine(note, text)) : [text.noNotes]),
  ]
}

function agendaSection(facts: SessionFacts, text: ReportText): string[] {
  if (facts.agenda.length === 0) return []
  return [
    '',
    `## ${text.agenda}`,
    '',
    ...facts.agenda.map(
      (step, index) => `${index + 1}. ${markdownText(step.title)} (${text.minutes(step.durationMinutes)})`,
    ),
  ]
}

/** Each closed round, ranked, with the text of the notes that received dots. */
function votesSection(board: ExportedBoard, facts: SessionFacts, text: ReportText): string[] {
  if (facts.rounds.length === 0) return []
  const textOf = new Map(allNotes(board).map((note) => [note.id, note.text]))
  const lines = ['', `## ${text.voteRounds}`]
  for (const round of facts.rounds) {
    lines.push('', `### ${text.roundHeading(markdownText(round.title) || text.voteRounds, round.voters)}`, '')
    const results = round.results ?? []
    if (results.length === 0) lines.push(text.noVotes)
    for (const result of results) {
      const label = markdownText(textOf.get(result.itemId) ?? '') || text.emptyNote
      lines.push(`${result.rank}. ${label} (${text.votesOn(result.votes)})`)
    }
  }
  return lines
}

/** Scores and podium of a gamified session: each snapshot the facilitator kept, oldest first. */
export function scoresSection(
  history: readonly ScoreSnapshot[],
  text: ReportText = REPORT_TEXT.en,
): string[] {
  if (history.length === 0) return []
  const lines = ['', `## ${text.scores}`, '']
  for (const snapshot of history) {
    const when = new Date(snapshot.at).toISOString().slice(11, 16)
    lines.push(
      `### ${text.scoresHeading(markdownText(snapshot.label) || text.scores, when, snapshot.by)}`,
      '',
    )
    if (snapshot.lines.length === 0) {
      lines.push(text.noPoints, '')
      continue
    }
    const [rank, name, points] = text.scoreColumns
    lines.push(`| ${rank} | ${name} | ${points} |`, '| ---: | --- | ---: |')
    for (const line of snapshot.lines)
      lines.push(`| ${line.rank} | ${markdownText(line.name)} | ${line.points} |`)
    lines.push('')
  }
  lines.pop()
  return lines
}

export interface ReportInput {
  board: ExportedBoard
  facts: SessionFacts
  date: Date
  lang: Lang
}

/**
 * The workshop report ("compte rendu"): title, date, counts, the agenda that was run, the notes
 * of each frame (most voted first, with their authors unless the session was anonymous), the
 * results of every closed vote, and the game's scores when the session kept any.
 */
export function renderReport({ board, facts, date, lang }: ReportInput): string {
  const text = REPORT_TEXT[lang]
  const notes = allNotes(board)
  const votes = notes.reduce((sum, note) => sum + note.votes, 0)
  const lines = [
    `# ${markdownText(board.title) || text.untitledBoard}`,
    '',
    text.dateLine(date.toISOString().slice(0, 10)),
    '',
    text.summary(notes.length, board.frames.length, votes),
  ]
  lines.push(...agendaSection(facts, text))
  for (const frame of board.frames) {
    lines.push(...notesSection(markdownText(frame.title) || text.untitledFrame, frame.notes, text))
  }
  if (board.outside.length > 0) lines.push(...notesSection(text.outsideFrames, board.outside, text))
  lines.push(...votesSection(board, facts, text))
  lines.push(...scoresSection(facts.history, text))
  return `${lines.join('\n')}\n`
}
