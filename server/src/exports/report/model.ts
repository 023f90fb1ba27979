import {
  type AgendaStep,
  type FrameZone,
  type Lang,
  type PollKind,
  type ScoreSnapshot,
  stepFrameIds,
  zoneNear,
} from '@atelier/shared'
import { stepTimes } from '../agendaRun.js'
import { allNotes, type ExportedBoard, type ExportedFrame, type ExportedNote } from '../notes.js'
import type { SessionFacts } from '../session.js'
import { calendarDate } from '../timeZone.js'
import type { ResolvedShape } from './shapes.js'

/**
 * The workshop report ("compte rendu") as data: one model, rendered to Markdown, PDF, DOCX and
 * ODT, so the four say the same. Built by a pure function of the board, the session and the
 * shapes of the board's template.
 */

export interface ReportNote {
  id: string
  text: string
  votes: number
  /** Empty in anonymous mode or when unknown. */
  author: string
}

export interface ReportCell {
  title: string
  notes: ReportNote[]
}

export interface OutlineNode {
  /** The level's frame title ("Objectifs stratégiques"). */
  level: string
  note: ReportNote
  /** Texts of the indicator notes (grey) placed beside it. */
  indicators: string[]
  children: OutlineNode[]
}

/** The notes of one of a frame's zones (a mark of a scale, a stage of a journey). */
export interface ReportPlace {
  /** The zone's title; null for the notes near none of them. */
  title: string | null
  notes: ReportNote[]
}

export type ReportZone =
  /**
   * One frame: its notes, most voted first; by zone, in the frame's order of zones, when it has
   * zones (each zone listed, an empty one too: on a scale, nobody at a mark is an answer).
   */
  | { kind: 'section'; title: string; notes: ReportNote[]; places?: ReportPlace[] }
  /** Four frames 2×2, row by row. */
  | { kind: 'quadrants'; cells: [ReportCell, ReportCell, ReportCell, ReportCell] }
  /** Frames as the levels of a tree; roots are the first level's notes, then unattached ones. */
  | { kind: 'outline'; levels: string[]; nodes: OutlineNode[] }
  /** Frames as columns; each row a line of notes across them (texts of one cell joined). */
  | { kind: 'table'; columns: string[]; rows: string[][] }

export interface ReportAgendaStep {
  title: string
  plannedMinutes: number
  /** Server epoch ms of its first start; null when the step was never run. */
  startedAt: number | null
  /** Minutes spent over its finished runs; null when never run or still running. */
  spentMinutes: number | null
  current: boolean
}

export interface ReportRound {
  title: string
  voters: number
  results: Array<{ rank: number; text: string; votes: number }>
}

export interface ReportPoll {
  question: string
  kind: PollKind
  quiz: boolean
  respondents: number
  /** Choice polls: every option with its count, the right ones marked for a closed quiz. */
  options: Array<{ label: string; count: number; correct: boolean }>
  /** Word clouds: the words given, most frequent first. */
  words: Array<{ word: string; count: number }>
}

export interface ReportModel {
  lang: Lang
  title: string
  /** `YYYY-MM-DD`, the day of the export in `timeZone`. */
  date: string
  /** The IANA zone every time of the report is given in. */
  timeZone: string
  counts: {
    /** Notes participants (and the facilitator) wrote, empty ones aside. */
    notes: number
    sections: number
    votes: number
    /** Example notes and placeholders that came with the template. */
    templateNotes: number
    /** Notes written with no text (a stray key press). */
    emptyNotes: number
  }
  anonymous: boolean
  agenda: ReportAgendaStep[]
  zones: ReportZone[]
  /** Notes outside every frame, most voted first. */
  outside: ReportNote[]
  rounds: ReportRound[]
  polls: ReportPoll[]
  scores: ScoreSnapshot[]
}

export interface ReportInput {
  board: ExportedBoard
  facts: SessionFacts
  shapes: readonly ResolvedShape[]
  date: Date
  lang: Lang
  /** The reader's time zone (`DEFAULT_TIME_ZONE` when the request named none). */
  timeZone: string
}

/** A frame's notes; by zone when it has zones. */
function sectionOf(frame: ExportedFrame): ReportZone {
  const notes = byVotes(frame.notes)
  if (frame.zones.length === 0) return { kind: 'section', title: frame.title, notes }
  const centres = new Map(frame.notes.map((note) => [note.id, centre(note)]))
  const places = new Map<FrameZone | null, ReportNote[]>([...frame.zones, null].map((zone) => [zone, []]))
  for (const note of notes) {
    const at = centres.get(note.id)
    places.get(at ? zoneNear(frame, at) : null)?.push(note)
  }
  return {
    kind: 'section',
    title: frame.title,
    notes,
    places: [...places].flatMap(([zone, inZone]) =>
      zone === null && inZone.length === 0 ? [] : [{ title: zone?.title ?? null, notes: inZone }],
    ),
  }
}

/** A note that goes in the report: written during the workshop, and not empty. */
function isContribution(note: ExportedNote): boolean {
  return note.contributed && note.text.trim().length > 0
}

function reportNote(note: ExportedNote): ReportNote {
  return { id: note.id, text: note.text.trim(), votes: note.votes, author: note.author }
}

/** Most voted first; ties keep the reading order. */
function byVotes(notes: readonly ExportedNote[]): ReportNote[] {
  return notes
    .filter(isContribution)
    .map(reportNote)
    .sort((a, b) => b.votes - a.votes)
}

const centre = (note: ExportedNote) => ({ x: note.x + note.w / 2, y: note.y + note.h / 2 })
const distance = (a: ExportedNote, b: ExportedNote) => {
  const [p, q] = [centre(a), centre(b)]
  return Math.hypot(p.x - q.x, p.y - q.y)
}

/**
 * Levels top-down. Grey notes are the indicators of the nearest objective of their level (as the
 * objectives tree lays them out); a note hangs under the note of the level above that a
 * connector joins it to, and otherwise stands as a root after the attached ones.
 */
function outlineZone(frames: readonly ExportedFrame[], board: ExportedBoard): ReportZone {
  const joined = new Map<string, Set<string>>()
  const join = (a: string, b: string) => {
    const set = joined.get(a) ?? new Set<string>()
    set.add(b)
    joined.set(a, set)
  }
  for (const { from, to } of board.connectors) {
    join(from, to)
    join(to, from)
  }
  const levels: OutlineNode[][] = frames.map((frame) => {
    const notes = frame.notes.filter(isContribution)
    const objectives = notes.filter((note) => note.color !== 'grey')
    const nodes = new Map(
      objectives.map((note) => [
        note.id,
        { level: frame.title, note: reportNote(note), indicators: [] as string[], children: [] },
      ]),
    )
    for (const indicator of notes.filter((note) => note.color === 'grey')) {
      const nearest = [...objectives].sort((a, b) => distance(indicator, a) - distance(indicator, b))[0]
      const node = nearest ? nodes.get(nearest.id) : undefined
      if (node) node.indicators.push(indicator.text.trim())
    }
    return [...nodes.values()].sort((a, b) => b.note.votes - a.note.votes)
  })
  const roots: OutlineNode[] = [...(levels[0] ?? [])]
  const orphans: OutlineNode[] = []
  levels.forEach((nodes, depth) => {
    if (depth === 0) return
    const above = levels[depth - 1] ?? []
    for (const node of nodes) {
      const parent = above.find((candidate) => joined.get(node.note.id)?.has(candidate.note.id))
      if (parent) parent.children.push(node)
      else orphans.push(node)
    }
  })
  return { kind: 'outline', levels: frames.map((frame) => frame.title), nodes: [...roots, ...orphans] }
}

/**
 * Columns left to right; a row is a line of notes across them: notes whose vertical centres lie
 * within half a note's height of the row's first one.
 */
function tableZone(frames: readonly ExportedFrame[]): ReportZone {
  const placed = frames.flatMap((frame, column) =>
    frame.notes.filter(isContribution).map((note) => ({ note, column, y: centre(note).y })),
  )
  placed.sort((a, b) => a.y - b.y || a.column - b.column)
  const rows: { top: number; tolerance: number; cells: string[][] }[] = []
  for (const { note, column, y } of placed) {
    let row = rows.at(-1)
    if (!row || y - row.top > row.tolerance) {
      row = { top: y, tolerance: note.h / 2, cells: frames.map(() => []) }
      rows.push(row)
    }
    row.cells[column]?.push(note.text.trim())
  }
  return {
    kind: 'table',
    columns: frames.map((frame) => frame.title),
    rows: rows.map((row) => row.cells.map((texts) => texts.join('\n'))),
  }
}

function zoneOf(shape: ResolvedShape, frames: readonly ExportedFrame[], board: ExportedBoard): ReportZone {
  if (shape.kind === 'outline') return outlineZone(frames, board)
  if (shape.kind === 'table') return tableZone(frames)
  const [a, b, c, d] = frames.map((frame) => ({ title: frame.title, notes: byVotes(frame.notes) }))
  if (!a || !b || !c || !d) throw new Error('a quadrants shape needs four frames')
  return { kind: 'quadrants', cells: [a, b, c, d] }
}

/** Zones in the reading order of their first frame; each frame in one zone only. */
/**
 * The frames in the order the workshop went through them: by the first step that works in each
 * (its own frames in the step's order), then the frames no step names, as the board reads. Read
 * by position alone, a side column (a token tray beside the first scale) would split the scales.
 */
export function inAgendaOrder<F extends { id: string }>(
  frames: readonly F[],
  agenda: readonly AgendaStep[],
): F[] {
  const rank = new Map<string, number>()
  for (const step of agenda) for (const id of stepFrameIds(step)) if (!rank.has(id)) rank.set(id, rank.size)
  const last = rank.size
  // Array.prototype.sort is stable: frames of equal rank keep the board's reading order.
  return [...frames].sort((a, b) => (rank.get(a.id) ?? last) - (rank.get(b.id) ?? last))
}

function zonesOf(
  board: ExportedBoard,
  shapes: readonly ResolvedShape[],
  agenda: readonly AgendaStep[],
): ReportZone[] {
  const frameById = new Map(board.frames.map((frame) => [frame.id, frame]))
  const shapeOfFrame = new Map<string, ResolvedShape>()
  for (const shape of shapes) for (const id of shape.frameIds) shapeOfFrame.set(id, shape)
  const zones: ReportZone[] = []
  const done = new Set<ResolvedShape>()
  for (const frame of inAgendaOrder(board.frames, agenda)) {
    const shape = shapeOfFrame.get(frame.id)
    if (!shape) {
      zones.push(sectionOf(frame))
      continue
    }
    if (done.has(shape)) continue
    done.add(shape)
    const frames = shape.frameIds
      .map((id) => frameById.get(id))
      .filter((found): found is ExportedFrame => found !== undefined)
    zones.push(zoneOf(shape, frames, board))
  }
  return zones
}

function agendaOf(facts: SessionFacts): ReportAgendaStep[] {
  const times = stepTimes(facts.agendaRun)
  return facts.agenda.map((step) => {
    const time = times.get(step.id)
    return {
      title: step.title,
      plannedMinutes: step.durationMinutes,
      startedAt: time?.startedAt ?? null,
      spentMinutes: time && !time.current ? Math.round(time.spentMs / 60_000) : null,
      current: time?.current ?? false,
    }
  })
}

function roundsOf(board: ExportedBoard, facts: SessionFacts): ReportRound[] {
  const textOf = new Map(allNotes(board).map((note) => [note.id, note.text.trim()]))
  return facts.rounds.map((round) => ({
    title: round.title,
    voters: round.voters,
    results: (round.results ?? []).map((result) => ({
      rank: result.rank,
      text: textOf.get(result.itemId) ?? '',
      votes: result.votes,
    })),
  }))
}

function pollsOf(facts: SessionFacts): ReportPoll[] {
  return facts.polls.map((poll) => ({
    question: poll.question,
    kind: poll.kind,
    quiz: poll.quiz,
    respondents: poll.respondents,
    options: poll.options.map((option) => ({
      label: option.label,
      count: poll.counts.find((entry) => entry.optionId === option.id)?.count ?? 0,
      correct: poll.correctOptionIds.includes(option.id),
    })),
    words: [...poll.words].sort((a, b) => b.count - a.count),
  }))
}

/** The report of a board: see the module comment. */
export function buildReport({ board, facts, shapes, date, lang, timeZone }: ReportInput): ReportModel {
  const notes = allNotes(board)
  const contributions = notes.filter(isContribution)
  return {
    lang,
    title: board.title,
    date: calendarDate(date.getTime(), timeZone),
    timeZone,
    counts: {
      notes: contributions.length,
      sections: board.frames.length,
      votes: contributions.reduce((sum, note) => sum + note.votes, 0),
      templateNotes: notes.filter((note) => !note.contributed).length,
      emptyNotes: notes.filter((note) => note.contributed && note.text.trim().length === 0).length,
    },
    anonymous: facts.anonymous,
    agenda: agendaOf(facts),
    zones: zonesOf(board, shapes, facts.agenda),
    outside: byVotes(board.outside),
    rounds: roundsOf(board, facts),
    polls: pollsOf(facts),
    scores: facts.history,
  }
}
