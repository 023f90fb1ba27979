import {
  createItem,
  initBoard,
  type Lang,
  NOTE_COLORS,
  patchRound,
  readItems,
  writePerson,
  writeRound,
} from '@atelier/shared'
import * as Y from 'yjs'
import { exportBoard } from '../src/exports/notes.js'
import { buildReport, type ReportModel } from '../src/exports/report/model.js'
import { resolveShapes } from '../src/exports/report/shapes.js'
import { sessionFacts } from '../src/exports/session.js'
import { builtinCatalogue } from '../src/templates/index.js'

/** A board laid out from a built-in template, with its session document (agenda). */
export interface FixtureBoard {
  doc: Y.Doc
  session: Y.Doc
}

export function boardFromTemplate(templateId: string, lang: Lang = 'fr', title = 'Atelier'): FixtureBoard {
  const doc = new Y.Doc()
  initBoard(doc, { title, templateId })
  const seed = builtinCatalogue.expand(templateId, doc, lang)
  if (!seed) throw new Error(`no template ${templateId}`)
  const session = new Y.Doc()
  if (seed.session) Y.applyUpdate(session, seed.session)
  return { doc, session }
}

const colorValue = (id: string) => NOTE_COLORS.find((color) => color.id === id)?.value ?? id

/**
 * A participant's note in the frame titled `frameTitle`, `dy` below its top, written by
 * `author` (a person id the relay would have stamped), at column offset `dx`.
 */
export function addNote(
  { doc }: FixtureBoard,
  frameTitle: string,
  text: string,
  { author = 'ana', dx = 40, dy = 400, color = 'yellow', w = 200, h = 150 } = {},
): string {
  const frame = readItems(doc).find((item) => item.type === 'frame' && item.text === frameTitle)
  if (!frame) throw new Error(`no frame "${frameTitle}"`)
  return createItem(doc, {
    type: 'note',
    x: frame.x + dx,
    y: frame.y + dy,
    w,
    h,
    text,
    color: colorValue(color),
    author,
  })
}

export function addPeople({ session }: FixtureBoard, people: Record<string, string>): void {
  for (const [personId, name] of Object.entries(people)) {
    writePerson(session, { personId, name, role: 'participant', joinedAt: 1 })
  }
}

/** A closed round whose published results give these notes these votes. */
export function closeRound({ session }: FixtureBoard, title: string, votes: Array<[string, number]>): void {
  const id = `round-${title}`
  writeRound(session, {
    id,
    title,
    frameIds: [],
    itemIds: [],
    budget: 3,
    status: 'open',
    openedAt: 1,
  })
  const ranked = [...votes].sort((a, b) => b[1] - a[1])
  patchRound(session, id, {
    status: 'closed',
    voters: 4,
    results: ranked.map(([itemId, count]) => ({
      itemId,
      votes: count,
      rank: ranked.findIndex((entry) => entry[1] === count) + 1,
    })),
  })
}

export function reportOf(board: FixtureBoard, lang: Lang = 'fr', timeZone = 'UTC'): ReportModel {
  const facts = sessionFacts(board.session)
  const exported = exportBoard(board.doc, '', facts)
  const template = exported.templateId ? builtinCatalogue.get?.(exported.templateId) : undefined
  return buildReport({
    board: exported,
    facts,
    shapes: resolveShapes(exported, template),
    date: new Date('2025-03-14T10:00:00Z'),
    lang,
    timeZone,
  })
}
