import { createItem, initBoard, itemsMap, NOTE_COLORS, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { csvText, renderNotesCsv } from '../src/exports/csv.js'
import { allNotes, exportBoard } from '../src/exports/notes.js'
import { markdownText, renderReport } from '../src/exports/report.js'

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

  it('reads votes when a note has them: a count or a map of ballots', () => {
    const doc = board()
    const idOf = (text: string) => readItems(doc).find((item) => item.text === text)?.id ?? ''
    expect(exportBoard(doc).frames[0]?.notes.map((note) => note.votes)).toEqual([0, 0])
    itemsMap(doc).get(idOf('Demos'))?.set('votes', 3)
    const ballots = new Y.Map<number>()
    itemsMap(doc).get(idOf('Pairing, "really" good'))?.set('votes', ballots)
    ballots.set('ana', 1)
    ballots.set('bo', 1)
    expect(exportBoard(doc).frames[0]?.notes.map((note) => note.votes)).toEqual([3, 2])
  })
})

describe('renderNotesCsv', () => {
  it('starts with a BOM and the header, one CRLF row per note', () => {
    const csv = renderNotesCsv(allNotes(exportBoard(board())))
    expect(csv.startsWith('\uFEFFframe,text,color,votes,author,x,y\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe('Went well,Demos,blue,0,,100,100')
    expect(lines[2]).toBe('Went well,"Pairing, ""really"" good",yellow,0,ana,100,300')
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
  it('has the title, the date, the counts and the notes of each frame', () => {
    const report = renderReport(exportBoard(board()), new Date('2025-03-14T10:00:00Z'))
    expect(report).toBe(
      [
        '# Sprint retro',
        '',
        'Date: 2025-03-14',
        '',
        '5 notes in 3 frames, 0 votes.',
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
        '## Outside frames (1 note)',
        '',
        '- Parking lot',
        '',
      ].join('\n'),
    )
  })

  it('escapes Markdown in note text', () => {
    expect(markdownText('*bold* _it_ [link](x) <b> # | `code`')).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\# \\| \\`code\\`',
    )
  })
})
