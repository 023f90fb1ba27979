import { clockTime } from '../timeZone.js'
import { withoutUnsafeCharacters } from '../unsafeCharacters.js'
import type { OutlineNode, ReportModel, ReportNote, ReportPoll, ReportZone } from './model.js'
import { REPORT_TEXT, type ReportText } from './text.js'

/**
 * The report laid out as a document: headings, paragraphs, nested lists and tables of text. Every
 * format (Markdown, PDF, DOCX, ODT) renders these same blocks, so the four read alike and each
 * renderer only knows its own syntax.
 */

export interface ListItem {
  text: string
  children: ListItem[]
}

export interface TableCell {
  /** Bold first line (a quadrant's title). */
  title?: string
  /** One paragraph each. */
  lines: string[]
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'table'; header: string[] | null; rows: TableCell[][] }

const cell = (...lines: string[]): TableCell => ({ lines })

function noteLine(note: ReportNote, text: ReportText): string {
  const by = note.author ? ` — ${text.by(note.author)}` : ''
  const votes = note.votes > 0 ? ` (${text.votesOn(note.votes)})` : ''
  return `${oneLine(note.text)}${by}${votes}`
}

/** A note's line breaks become spaces where a format holds one line per note. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function outlineItem(node: OutlineNode, text: ReportText): ListItem {
  const indicators = node.indicators.map((value) => ({
    text: text.indicator(oneLine(value)),
    children: [],
  }))
  return {
    text: `${node.level} — ${noteLine(node.note, text)}`,
    children: [...indicators, ...node.children.map((child) => outlineItem(child, text))],
  }
}

function notesList(notes: readonly ReportNote[], text: ReportText): Block {
  if (notes.length === 0) return { kind: 'paragraph', text: text.noNotes, note: true }
  return { kind: 'list', items: notes.map((note) => ({ text: noteLine(note, text), children: [] })) }
}

function zoneBlocks(zone: ReportZone, text: ReportText): Block[] {
  const title = (value: string) => value.trim() || text.untitledFrame
  switch (zone.kind) {
    case 'section':
      return [
        { kind: 'heading', level: 2, text: title(zone.title) },
        zone.places && zone.notes.length > 0
          ? {
              kind: 'list',
              items: zone.places.map((place) => ({
                text: text.place(
                  place.title === null ? text.elsewhere : oneLine(place.title),
                  place.notes.length,
                ),
                children: place.notes.map((note) => ({ text: noteLine(note, text), children: [] })),
              })),
            }
          : notesList(zone.notes, text),
      ]
    case 'quadrants': {
      const quadrant = (index: number): TableCell => {
        const found = zone.cells[index]
        return {
          title: title(found?.title ?? ''),
          lines: (found?.notes ?? []).map((note) => noteLine(note, text)),
        }
      }
      return [
        { kind: 'heading', level: 2, text: zone.cells.map((c) => title(c.title)).join(' · ') },
        {
          kind: 'table',
          header: null,
          rows: [
            [quadrant(0), quadrant(1)],
            [quadrant(2), quadrant(3)],
          ],
        },
      ]
    }
    case 'outline':
      return [
        { kind: 'heading', level: 2, text: zone.levels.map(title).join(' → ') },
        zone.nodes.length === 0
          ? { kind: 'paragraph', text: text.noNotes, note: true }
          : { kind: 'list', items: zone.nodes.map((node) => outlineItem(node, text)) },
      ]
    case 'table':
      return [
        { kind: 'heading', level: 2, text: zone.columns.map(title).join(' · ') },
        zone.rows.length === 0
          ? { kind: 'paragraph', text: text.noNotes, note: true }
          : {
              kind: 'table',
              header: zone.columns.map(title),
              rows: zone.rows.map((row) => row.map((value) => cell(...value.split('\n')))),
            },
      ]
  }
}

function agendaBlocks(model: ReportModel, text: ReportText): Block[] {
  if (model.agenda.length === 0) return []
  const spent = (step: ReportModel['agenda'][number]) => {
    if (step.startedAt === null) return text.notRun
    if (step.current) return text.running
    return text.minutes(step.spentMinutes ?? 0)
  }
  return [
    { kind: 'heading', level: 2, text: text.agenda },
    {
      kind: 'table',
      header: text.agendaColumns(model.timeZone),
      rows: model.agenda.map((step, index) => [
        cell(`${index + 1}. ${step.title}`),
        cell(text.minutes(step.plannedMinutes)),
        cell(step.startedAt === null ? '' : clockTime(step.startedAt, model.timeZone)),
        cell(spent(step)),
      ]),
    },
  ]
}

function roundBlocks(model: ReportModel, text: ReportText): Block[] {
  if (model.rounds.length === 0) return []
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.voteRounds }]
  for (const round of model.rounds) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: text.roundHeading(round.title.trim() || text.voteRounds, round.voters),
    })
    blocks.push(
      round.results.length === 0
        ? { kind: 'paragraph', text: text.noVotes, note: true }
        : {
            kind: 'table',
            header: [text.scoreColumns[0], text.noteColumn, text.voteRounds],
            rows: round.results.map((result) => [
              cell(String(result.rank)),
              cell(oneLine(result.text)),
              cell(String(result.votes)),
            ]),
          },
    )
  }
  return blocks
}

function pollBlock(poll: ReportPoll, text: ReportText): Block {
  if (poll.kind === 'words') {
    return {
      kind: 'table',
      header: [...text.wordColumns],
      rows: poll.words.map((word) => [cell(word.word), cell(String(word.count))]),
    }
  }
  return {
    kind: 'table',
    header: [...text.pollColumns],
    rows: poll.options.map((option) => [
      cell(option.correct ? `${option.label} (${text.correct})` : option.label),
      cell(String(option.count)),
    ]),
  }
}

function pollBlocks(model: ReportModel, text: ReportText): Block[] {
  if (model.polls.length === 0) return []
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.polls }]
  for (const poll of model.polls) {
    const label = poll.quiz ? text.quiz(poll.question) : poll.question
    blocks.push({ kind: 'heading', level: 3, text: `${label} (${text.respondents(poll.respondents)})` })
    blocks.push(pollBlock(poll, text))
  }
  return blocks
}

function scoreBlocks(model: ReportModel, text: ReportText): Block[] {
  if (model.scores.length === 0) return []
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: text.scores }]
  for (const snapshot of model.scores) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: text.scoresHeading(
        snapshot.label.trim() || text.scores,
        clockTime(snapshot.at, model.timeZone),
        model.timeZone,
        snapshot.by,
      ),
    })
    blocks.push(
      snapshot.lines.length === 0
        ? { kind: 'paragraph', text: text.noPoints, note: true }
        : {
            kind: 'table',
            header: [...text.scoreColumns],
            rows: snapshot.lines.map((line) => [
              cell(String(line.rank)),
              cell(line.name),
              cell(String(line.points)),
            ]),
          },
    )
  }
  return blocks
}

/**
 * Unsafe characters out (XML 1.0 forbids most control characters: one would make a whole
 * document unreadable), with the non-characters and lone surrogates XML forbids too.
 */
function clean(value: string): string {
  return withoutUnsafeCharacters(value).replace(/[\uFFFE\uFFFF]|\p{Cs}/gu, '')
}

function cleanItem(item: ListItem): ListItem {
  return { text: clean(item.text), children: item.children.map(cleanItem) }
}

function cleanBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: clean(block.text) }
    case 'list':
      return { kind: 'list', items: block.items.map(cleanItem) }
    case 'table':
      return {
        kind: 'table',
        header: block.header?.map(clean) ?? null,
        rows: block.rows.map((row) =>
          row.map((cell) => ({
            ...(cell.title !== undefined ? { title: clean(cell.title) } : {}),
            lines: cell.lines.map(clean),
          })),
        ),
      }
  }
}

/** The whole report as blocks, in reading order, with only printable text. */
export function reportBlocks(model: ReportModel): Block[] {
  return layOut(model).map(cleanBlock)
}

function layOut(model: ReportModel): Block[] {
  const text = REPORT_TEXT[model.lang]
  const { counts } = model
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: model.title.trim() || text.untitledBoard },
    { kind: 'paragraph', text: `${text.reportOf} — ${text.dateLine(model.date)}` },
    { kind: 'paragraph', text: text.summary(counts.notes, counts.sections, counts.votes) },
  ]
  if (counts.templateNotes + counts.emptyNotes > 0) {
    blocks.push({
      kind: 'paragraph',
      text: text.setAside(counts.templateNotes, counts.emptyNotes),
      note: true,
    })
  }
  if (model.anonymous) blocks.push({ kind: 'paragraph', text: text.anonymous, note: true })
  blocks.push(...agendaBlocks(model, text))
  for (const zone of model.zones) blocks.push(...zoneBlocks(zone, text))
  if (model.outside.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: text.outsideFrames }, notesList(model.outside, text))
  }
  blocks.push(...roundBlocks(model, text), ...pollBlocks(model, text), ...scoreBlocks(model, text))
  return blocks
}
