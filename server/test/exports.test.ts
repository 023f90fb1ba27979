import {
  createItem,
  initBoard,
  NOTE_COLORS,
  patchRound,
  readItems,
  replaceAgenda,
  writePerson,
  writeRound,
  writeSessionState,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { csvText, renderNotesCsv } from '../src/exports/csv.js'
import { allNotes, exportBoard } from '../src/exports/notes.js'
import { markdownText, renderReport } from '../src/exports/report.js'
import { sessionFacts } from '../src/exports/session.js'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sprint retro' })
  createItem(doc, { type: 'frame', x: 0, y: 0, w: 1000, h: 1000, text: 'Went well' })
  createItem(doc, { type: 'frame', x: 2000, y: 0, w: 1000, h: 1000, text: 'To improve' })
  // Nested frame: the innermost one wins.
  createItem(doc, { type: 'frame', x: 2100, y: 100, w: 400, h: 400, text: 'Urgent' })
  createItem(doc, { type: 'note', x: 100, y: 300, text: 'Pairing, "really" good', author: 'ana' })
  createItem(doc, { type: 'note', x: 100, y: 100, text: 'Demos', color: NOTE_COLORS[4].value })
  createItem(doc, { type: 'note', x: 2200, y: 200, text: 'Flaky CI\nagain' })
  createItem(doc, { type: 'note', x: 2600, y: 600, text: '=HYPERLINK("x")' })
  // Centre outside every frame even though the corner is inside.
  createItem(doc, { type: 'note', x: 950, y: 950, text: 'Parking lot' })
  createItem(doc, { type: 'text', x: 100, y: 100, text: 'not a note' })
  return doc
}

/** A session where Ana wrote "Pairing", a closed round gave Demos 3 dots, and an open one is still secret. */
function sessionWithVotes(doc: Y.Doc): Y.Doc {
  const session = new Y.Doc()
  const idOf = (text: string) => readItems(doc).find((item) => item.text === text)?.id ?? ''
  writePerson(session, { personId: 'ana', name: 'Ana', role: 'participant', joinedAt: 1 })
  const round = { title: 'Priorités', frameIds: [], itemIds: [], budget: 3, status: 'open' as const }
  writeRound(session, { ...round, id: 'r1', openedAt: 1 })
  patchRound(session, 'r1', {
    status: 'closed',
    voters: 2,
    results: [
      { itemId: idOf('Demos'), votes: 3, rank: 1 },
      { itemId: idOf('Pairing, "really" good'), votes: 1, rank: 2 },
    ],
  })
  writeRound(session, { ...round, id: 'r2', openedAt: 2 })
  patchRound(session, 'r2', { results: [{ itemId: idOf('Demos'), votes: 9, rank: 1 }] })
  replaceAgenda(session, [
    { id: 's1', title: 'Divergence', instructions: '', durationMinutes: 5, mode: 'private' },
    { id: 's2', title: 'Vote', instructions: '', durationMinutes: 10, mode: 'open' },
  ])
  return session
}

describe('exportBoard', () => {
  it('puts each note in the innermost frame holding its centre, in reading order', () => {
    const exported = exportBoard(board())
    expect(exported.title).toBe('Sprint retro')
    expect(exported.frames.map((frame) => [frame.title, frame.notes.map((note) => note.text)])).toEqual([
      ['Went well', ['Demos', 'Pairing, "really" good']],
      ['To improve', ['=HYPERLINK("x")']],
      ['Urgent', ['Flaky CI\nagain']],
    ])
    expect(exported.outside.map((note) => note.text)).toEqual(['Parking lot'])
    expect(exported.frames[0]?.notes[0]?.color).toBe('blue')
  })

  it('counts the votes of closed rounds only and names authors unless the session is anonymous', () => {
    const doc = board()
    const session = sessionWithVotes(doc)
    const facts = sessionFacts(session)
    expect(
      exportBoard(doc, '', facts).frames[0]?.notes.map((note) => [note.text, note.votes, note.author]),
    ).toEqual([
      ['Demos', 3, ''],
      ['Pairing, "really" good', 1, 'Ana'],
    ])
    writeSessionState(session, { anonymous: true })
    expect(exportBoard(doc, '', sessionFacts(session)).frames[0]?.notes[1]?.author).toBe('')
  })
})

describe('renderNotesCsv', () => {
  it('starts with a BOM and the header, one CRLF row per note', () => {
    const csv = renderNotesCsv(allNotes(exportBoard(board())))
    expect(csv.startsWith('\uFEFFframe,text,color,votes,author,x,y\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe('Went well,Demos,blue,0,,100,100')
    expect(lines[2]).toBe('Went well,"Pairing, ""really"" good",yellow,0,,100,300')
    expect(lines[3]).toBe(`To improve,"'=HYPERLINK(""x"")",yellow,0,,2600,600`)
    expect(lines[4]).toBe('Urgent,"Flaky CI\nagain",yellow,0,,2200,200')
    expect(lines[5]).toBe(',Parking lot,yellow,0,,950,950')
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('quotes what CSV needs quoted and defuses formulas', () => {
    expect(csvText('plain')).toBe('plain')
    expect(csvText('a,b')).toBe('"a,b"')
    expect(csvText('say "hi"')).toBe('"say ""hi"""')
    expect(csvText('two\nlines')).toBe('"two\nlines"')
    expect(csvText(' padded ')).toBe('" padded "')
    expect(csvText('=1+1')).toBe("'=1+1")
    expect(csvText('@cmd')).toBe("'@cmd")
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  })

  it('has only the header for a board without notes', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Empty' })
    expect(renderNotesCsv(allNotes(exportBoard(doc)))).toBe('\uFEFFframe,text,color,votes,author,x,y\r\n')
  })
})

describe('renderReport', () => {
  const date = new Date('2025-03-14T10:00:00Z')

  it('has the title, the date, the counts and the notes of each frame, in French by default', () => {
    const doc = board()
    const report = renderReport({
      board: exportBoard(doc),
      facts: sessionFacts(new Y.Doc()),
      date,
      lang: 'fr',
    })
    expect(report).toBe(
      [
        '# Sprint retro',
        '',
        'Date : 2025-03-14',
        '',
        '5 notes dans 3 sections, 0 vote.',
        '',
        '## Went well (2 notes)',
        '',
        '- Demos',
        '- Pairing, "really" good',
        '',
        '## To improve (1 note)',
        '',
        '- =HYPERLINK("x")',
        '',
        '## Urgent (1 note)',
        '',
        '- Flaky CI again',
        '',
        '## Hors sections (1 note)',
        '',
        '- Parking lot',
        '',
      ].join('\n'),
    )
  })

  it('adds the agenda, the authors, the ranked results of closed rounds and the scores', () => {
    const doc = board()
    const session = sessionWithVotes(doc)
    const facts = {
      ...sessionFacts(session),
      history: [
        {
          at: Date.parse('2025-03-14T10:30:00Z'),
          label: 'Manche 1',
          by: 'team' as const,
          lines: [{ id: 't1', name: 'Les Bleus', points: 12, rank: 1 }],
        },
      ],
    }
    const report = renderReport({ board: exportBoard(doc, '', facts), facts, date, lang: 'en' })
    expect(report).toContain('5 notes in 3 frames, 4 votes.')
    expect(report).toContain(['## Agenda', '', '1. Divergence (5 min)', '2. Vote (10 min)'].join('\n'))
    expect(report).toContain(['- Demos (3 votes)', '- Pairing, "really" good — Ana (1 vote)'].join('\n'))
    expect(report).toContain(
      ['### Priorités (2 voters)', '', '1. Demos (3 votes)', '2. Pairing, "really" good (1 vote)'].join('\n'),
    )
    expect(report).not.toContain('9 votes')
    expect(report).toContain(['### Manche 1 (10:30 UTC, by team)', '', '| Rank | Name | Points |'].join('\n'))
    expect(report).toContain('| 1 | Les Bleus | 12 |')
  })

  it('escapes Markdown in note text', () => {
    expect(markdownText('*bold* _it_ [link](x) <b> # | `code`')).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\# \\| \\`code\\`',
    )
  })
})
