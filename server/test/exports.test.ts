import { type AgendaStep, createItem, initBoard, readItems, writeSessionState } from '@atelier/shared'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type AgendaMove, stepTimes } from '../src/exports/agendaRun.js'
import { csvText, renderNotesCsv } from '../src/exports/csv.js'
import { allNotes, exportBoard } from '../src/exports/notes.js'
import { noteRows } from '../src/exports/notesTable.js'
import { reportBlocks } from '../src/exports/report/blocks.js'
import { markdownText, renderMarkdown } from '../src/exports/report/markdown.js'
import { inAgendaOrder } from '../src/exports/report/model.js'
import { sessionFacts } from '../src/exports/session.js'
import { renderNotesXlsx } from '../src/exports/xlsx.js'
import { addNote, addPeople, boardFromTemplate, closeRound, reportOf } from './exportFixtures.js'

/**
 * A small RFC 4180 reader, the way a spreadsheet splits a file with a given separator: a quote
 * opens a quoted cell only at the start of a cell; elsewhere it is an ordinary character.
 */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"' && cell === '') quoted = true
    else if (char === separator) {
      row.push(cell)
      cell = ''
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      if (char === '\r') i++
    } else cell += char
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

const HOSTILE = [
  'plain',
  'Élan, « café » et œuvre',
  'a;b,c',
  'say "hi"',
  'two\r\nlines\rand\nmore',
  '=HYPERLINK("http://x";"clic")',
  '+33 6 12',
  '-2+3',
  '@SUM(A1)',
  '  =1+1',
  '\uFF1D1+1',
  'x;=1+1',
  'tab\there',
  'bell\u0007 null\u0000 esc\u001b del\u007f',
  'abc\u202Eevil\u202C \u2066iso\u2069 \u200Fmark',
]

describe('csvText', () => {
  it('quotes what either separator, a quote or a line break would split', () => {
    expect(csvText('plain')).toBe('plain')
    expect(csvText('a,b')).toBe('"a,b"')
    expect(csvText('a;b')).toBe('"a;b"')
    expect(csvText('say "hi"')).toBe('"say ""hi"""')
    expect(csvText('two\r\nlines')).toBe('"two\nlines"')
    expect(csvText(' padded ')).toBe('" padded "')
    expect(csvText('Élan « café »')).toBe('Élan « café »')
  })

  it('defuses formula starts, spaces and full-width forms included', () => {
    expect(csvText('=1+1')).toBe("'=1+1")
    expect(csvText('+33')).toBe("'+33")
    expect(csvText('-2')).toBe("'-2")
    expect(csvText('@cmd')).toBe("'@cmd")
    expect(csvText('  =1+1')).toBe("'  =1+1")
    expect(csvText('a;=2+2')).toBe(`"a;'=2+2"`)
    expect(csvText('oui, -20 %')).toBe(`"oui,' -20 %"`)
    expect(csvText('deux\n@lignes')).toBe(`"deux\n'@lignes"`)
    expect(csvText('\uFF1D1')).toBe("'\uFF1D1")
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvText('1+1=2')).toBe('1+1=2')
  })

  it('quotes a cell a French spreadsheet would split on ";", and defuses the formula after it', () => {
    expect(csvText('idée;=HYPERLINK("http://x";"clic")')).toBe(`"idée;'=HYPERLINK(""http://x"";""clic"")"`)
    expect(csvText('a;b')).toBe('"a;b"')
  })

  it('drops control and bidirectional override characters from CSV cells and report lines', () => {
    const tricky = 'pay \u202eevil\u202c now\u0000\u0007\u2066x\u2069'
    expect(csvText(tricky)).toBe('pay evil nowx')
    expect(markdownText(tricky)).toBe('pay evil nowx')
    expect(csvText('\u0007=1+1')).toBe("'=1+1")
  })

  it('removes control and bidirectional override characters', () => {
    expect(csvText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef')
    expect(csvText('abc\u202Eevil\u202C')).toBe('abcevil')
    expect(csvText('\u2066x\u2069\u200E\u200F\u061C')).toBe('x')
    expect(csvText('tab\there')).toBe('tab here')
  })

  for (const separator of [',', ';']) {
    for (const reader of [',', ';']) {
      it(`keeps every cell whole and formula-free, written with "${separator}" and read with "${reader}"`, () => {
        const line = HOSTILE.map(csvText).join(separator)
        const rows = parseCsv(`${line}\r\n`, reader)
        if (separator === reader) {
          expect(rows).toHaveLength(1)
          expect(rows[0]).toHaveLength(HOSTILE.length)
          expect(rows[0]?.[1]).toBe('Élan, « café » et œuvre')
          expect(rows[0]?.[4]).toBe('two\nlines\nand\nmore')
        }
        const cells = rows.flat()
        for (const cell of cells) expect(cell).not.toMatch(/^\s*[=+\-@\uFF1D]/)
        for (const cell of cells) expect(cell).not.toMatch(/[^\P{Cc}\n]|\p{Bidi_C}/u)
      })
    }
  }
})

describe('renderNotesCsv', () => {
  function ffomBoard() {
    const board = boardFromTemplate('swot-ffom')
    addPeople(board, { ana: 'Ana', ben: 'Ben' })
    const strong = addNote(board, 'Forces', 'Équipe soudée; motivée', { color: 'green' })
    addNote(board, 'Menaces', '=cmd|"/c calc"!A1', { author: 'ben', color: 'orange' })
    closeRound(board, 'Priorités', [[strong, 3]])
    return board
  }

  it('writes French headers and colour names, one row per note, with the BOM and CRLF rows', () => {
    const board = ffomBoard()
    const notes = allNotes(exportBoard(board.doc, '', sessionFacts(board.session)))
    const csv = renderNotesCsv(notes, { lang: 'fr', separator: ';', timeZone: 'UTC' })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv.slice(1), ';')
    expect(rows[0]).toEqual([
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
      'Emplacement',
    ])
    expect(rows).toHaveLength(1 + notes.length)
    const strong = rows.find((row) => row[1]?.startsWith('Équipe'))
    expect(strong?.slice(0, 5)).toEqual(['Forces', 'Équipe soudée; motivée', 'vert', 'Ana', '3'])
    expect(strong?.[7]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(strong?.[9]).toBe('participant')
    const threat = rows.find((row) => row[0] === 'Menaces' && row[9] === 'participant')
    expect(threat?.slice(1, 4)).toEqual([`'=cmd|"/c calc"!A1`, 'orange', 'Ben'])
    const example = rows.find((row) => row[0] === 'Forces' && row[9] === 'modèle')
    expect(example?.[1]).toBe('Une force…')
    expect(example?.[3]).toBe('')
  })

  it('writes English headers and colour names with lang en, comma separated', () => {
    const board = ffomBoard()
    const csv = renderNotesCsv(allNotes(exportBoard(board.doc, '', sessionFacts(board.session))), {
      lang: 'en',
      separator: ',',
      timeZone: 'UTC',
    })
    const rows = parseCsv(csv.slice(1), ',')
    expect(rows[0]?.slice(0, 5)).toEqual(['Frame', 'Text', 'Colour', 'Author', 'Votes'])
    expect(rows.find((row) => row[1]?.startsWith('Équipe'))?.[2]).toBe('green')
    expect(rows.some((row) => row[9] === 'template')).toBe(true)
  })

  it('hides authors and teams in anonymous mode', () => {
    const board = ffomBoard()
    writeSessionState(board.session, { anonymous: true })
    const notes = allNotes(exportBoard(board.doc, '', sessionFacts(board.session)))
    expect(notes.every((note) => note.author === '' && note.team === '')).toBe(true)
  })

  it('writes its times in the reader’s zone, named in the header', () => {
    const board = ffomBoard()
    const notes = allNotes(exportBoard(board.doc, '', sessionFacts(board.session)))
    const utc = parseCsv(renderNotesCsv(notes, { lang: 'fr', separator: ';', timeZone: 'UTC' }).slice(1), ';')
    const paris = parseCsv(
      renderNotesCsv(notes, { lang: 'fr', separator: ';', timeZone: 'Europe/Paris' }).slice(1),
      ';',
    )
    expect(paris[0]?.[7]).toBe('Créée le (Europe/Paris)')
    const at = (row: string[] | undefined) => Date.parse(`${row?.[7]?.replace(' ', 'T')}Z`)
    const shift = at(paris[1]) - at(utc[1])
    // One hour in winter, two in summer: the test does not depend on today's date.
    expect([3_600_000, 7_200_000]).toContain(shift)
  })

  it('has only the header for a board without notes', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Empty' })
    expect(renderNotesCsv([], { lang: 'en', separator: ',', timeZone: 'UTC' })).toBe(
      '\uFEFFFrame,Text,Colour,Author,Votes,Team,Tags,Created (UTC),Updated (UTC),Origin,Place\r\n',
    )
  })
})

describe('renderNotesXlsx', () => {
  it('writes one sheet: the header, texts as inline strings (never formulas), votes as numbers, times as dates', () => {
    const board = boardFromTemplate('swot-ffom')
    addPeople(board, { ana: 'Ana' })
    const id = addNote(board, 'Forces', '=HYPERLINK("x") & <b>\u0007')
    closeRound(board, 'Priorités', [[id, 3]])
    const note = allNotes(exportBoard(board.doc, '', sessionFacts(board.session))).find((n) => n.id === id)
    if (!note) throw new Error('no note')
    const files = unzipSync(renderNotesXlsx([note], { lang: 'fr', timeZone: 'UTC' }))
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ])
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)
    const cells = (row: number) =>
      [
        ...(new RegExp(`<row r="${row}">(.*?)</row>`).exec(sheet)?.[1] ?? '').matchAll(
          /<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/g,
        ),
      ].map((m) => [
        m[1],
        m[2]?.includes('inlineStr') ? 'text' : m[2]?.includes('s="1"') ? 'date' : 'number',
        m[3]?.replace(/<[^>]+>/g, ''),
      ])
    expect(cells(1).map((cell) => cell[2])).toEqual([
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
      'Emplacement',
    ])
    const row = cells(2)
    expect(row.slice(0, 5)).toEqual([
      ['A', 'text', 'Forces'],
      ['B', 'text', '=HYPERLINK(&quot;x&quot;) &amp; &lt;b&gt;'],
      ['C', 'text', 'jaune'],
      ['D', 'text', 'Ana'],
      ['E', 'number', '3'],
    ])
    const created = row.find((cell) => cell[0] === 'H')
    expect(created?.[1]).toBe('date')
    expect(Number(created?.[2])).toBeCloseTo((note.createdAt ?? 0) / 86_400_000 + 25_569, 8)
    expect(sheet).not.toContain('<f>')
  })

  it('writes its times as a clock in the reader’s zone shows them, and says which zone', () => {
    const board = boardFromTemplate('swot-ffom')
    const id = addNote(board, 'Forces', 'Une idée')
    const note = allNotes(exportBoard(board.doc, '', sessionFacts(board.session))).find((n) => n.id === id)
    if (!note?.createdAt) throw new Error('no note')
    const sheet = strFromU8(
      unzipSync(renderNotesXlsx([note], { lang: 'en', timeZone: 'America/Cayenne' }))[
        'xl/worksheets/sheet1.xml'
      ] as Uint8Array,
    )
    expect(sheet).toContain('Created (America/Cayenne)')
    const serial = Number(/<c r="H2" s="1"><v>([\d.]+)<\/v>/.exec(sheet)?.[1])
    // Cayenne is three hours behind UTC all year.
    expect(serial).toBeCloseTo((note.createdAt - 3 * 3_600_000) / 86_400_000 + 25_569, 8)
  })
})

describe('exportBoard', () => {
  it('puts each note in the innermost frame holding its centre, in reading order', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Sprint retro' })
    createItem(doc, { type: 'frame', x: 0, y: 0, w: 1000, h: 1000, text: 'Went well' })
    createItem(doc, { type: 'frame', x: 2000, y: 0, w: 1000, h: 1000, text: 'To improve' })
    createItem(doc, { type: 'frame', x: 2100, y: 100, w: 400, h: 400, text: 'Urgent' })
    createItem(doc, { type: 'note', x: 100, y: 300, text: 'Pairing' })
    createItem(doc, { type: 'note', x: 100, y: 100, text: 'Demos' })
    createItem(doc, { type: 'note', x: 2200, y: 200, text: 'Flaky CI' })
    createItem(doc, { type: 'note', x: 950, y: 950, text: 'Parking lot' })
    const exported = exportBoard(doc)
    expect(exported.frames.map((frame) => [frame.title, frame.notes.map((note) => note.text)])).toEqual([
      ['Went well', ['Demos', 'Pairing']],
      ['To improve', []],
      ['Urgent', ['Flaky CI']],
    ])
    expect(exported.outside.map((note) => note.text)).toEqual(['Parking lot'])
  })
})

describe('report model', () => {
  it('FFOM: participants’ notes only, in a four-part table, most voted first; template and empty notes counted apart', () => {
    const board = boardFromTemplate('swot-ffom')
    addPeople(board, { ana: 'Ana' })
    const low = addNote(board, 'Forces', 'Accueil', { dy: 300 })
    const high = addNote(board, 'Forces', 'Équipe soudée', { dy: 500 })
    addNote(board, 'Faiblesses', 'Délais')
    addNote(board, 'Menaces', 'Budget')
    addNote(board, 'Opportunités', '   ')
    closeRound(board, 'Priorités', [
      [high, 4],
      [low, 1],
    ])
    const model = reportOf(board)
    expect(model.counts).toEqual({ notes: 4, sections: 5, votes: 5, templateNotes: 5, emptyNotes: 1 })
    const zone = model.zones.find((found) => found.kind === 'quadrants')
    if (zone?.kind !== 'quadrants') throw new Error('no four-part table')
    expect(zone.cells.map((cell) => [cell.title, cell.notes.map((note) => note.text)])).toEqual([
      ['Forces', ['Équipe soudée', 'Accueil']],
      ['Faiblesses', ['Délais']],
      ['Opportunités', []],
      ['Menaces', ['Budget']],
    ])
    expect(zone.cells[0]?.notes[0]).toMatchObject({ votes: 4, author: 'Ana' })
    expect(model.zones.filter((found) => found.kind === 'section').map((found) => found.kind)).toHaveLength(1)
  })

  it('objectives tree: an outline following the connectors, indicators beside their objective', () => {
    const board = boardFromTemplate('objectives-tree')
    const purpose = addNote(board, 'Finalité', 'Accès aux droits', { dy: 320 })
    addNote(board, 'Finalité', 'Taux de non-recours', { dy: 320, dx: 300, color: 'grey' })
    const strategic = addNote(board, 'Objectifs stratégiques', 'Simplifier', { dy: 320 })
    const operational = addNote(board, 'Objectifs opérationnels', 'Démarches en ligne', { dy: 320 })
    addNote(board, 'Objectifs opérationnels', 'Sans parent', { dy: 320, dx: 700 })
    createItem(board.doc, { type: 'connector', x: 0, y: 0, from: strategic, to: purpose, author: 'ana' })
    createItem(board.doc, { type: 'connector', x: 0, y: 0, from: strategic, to: operational, author: 'ana' })
    const model = reportOf(board)
    const zone = model.zones.find((found) => found.kind === 'outline')
    if (zone?.kind !== 'outline') throw new Error('no outline')
    const shape = (nodes: typeof zone.nodes): unknown =>
      nodes.map((node) => [node.note.text, node.indicators, shape(node.children)])
    expect(shape(zone.nodes)).toEqual([
      ['Accès aux droits', ['Taux de non-recours'], [['Simplifier', [], [['Démarches en ligne', [], []]]]]],
      ['Sans parent', [], []],
    ])
    expect(zone.levels[0]).toBe('Finalité')
  })

  it('action plan: one table row per line of notes across the columns', () => {
    const board = boardFromTemplate('action-plan')
    addNote(board, 'Action', 'Accueil le samedi', { dy: 400 })
    addNote(board, 'Pilote', 'Claire', { dy: 420 })
    addNote(board, 'Échéance', 'Septembre', { dy: 390 })
    addNote(board, 'Action', 'Formulaire en ligne', { dy: 700 })
    addNote(board, 'Indicateur', 'Demandes en ligne', { dy: 710 })
    const zone = reportOf(board).zones.find((found) => found.kind === 'table')
    if (zone?.kind !== 'table') throw new Error('no table')
    expect(zone.columns).toEqual(['Action', 'Axe', 'Pilote', 'Échéance', 'Indicateur'])
    expect(zone.rows).toEqual([
      ['Accueil le samedi', '', 'Claire', 'Septembre', ''],
      ['Formulaire en ligne', '', '', '', 'Demandes en ligne'],
    ])
  })

  it('an English board of the same template gets the same shape', () => {
    const board = boardFromTemplate('swot-ffom', 'en')
    addNote(board, 'Strengths', 'Team')
    const zone = reportOf(board, 'en').zones[0]
    expect(zone?.kind).toBe('quadrants')
  })

  it('columns of a template with no declared shape stay sections; a renamed FFOM frame drops the table', () => {
    const lewin = boardFromTemplate('lewin-change')
    expect(reportOf(lewin).zones.every((zone) => zone.kind === 'section')).toBe(true)
    const board = boardFromTemplate('swot-ffom')
    const forces = readItems(board.doc).find((item) => item.text === 'Forces')
    const text = forces && (board.doc.getMap('items').get(forces.id) as Y.Map<unknown>).get('text')
    if (!(text instanceof Y.Text)) throw new Error('no frame title')
    text.insert(0, 'Nos ')
    expect(reportOf(board).zones.some((zone) => zone.kind === 'quadrants')).toBe(false)
  })

  it('the agenda as run: start times and time spent from the relay’s record', () => {
    const board = boardFromTemplate('swot-ffom')
    const agenda = board.session.getArray<{ id: string }>('agenda').toArray()
    const [first, second] = agenda
    if (!first || !second) throw new Error('agenda too short')
    const t0 = Date.parse('2025-03-14T09:00:00Z')
    board.session.getArray('agendaRun').push([
      { stepId: first.id, at: t0 },
      { stepId: second.id, at: t0 + 12 * 60_000 },
    ])
    const model = reportOf(board)
    expect(model.agenda[0]).toMatchObject({ startedAt: t0, spentMinutes: 12, current: false })
    expect(model.agenda[1]).toMatchObject({ startedAt: t0 + 12 * 60_000, spentMinutes: null, current: true })
    expect(model.agenda[2]).toMatchObject({ startedAt: null, spentMinutes: null })
    const markdown = renderMarkdown(reportBlocks(model))
    expect(markdown).toContain('| 1. Forces et faiblesses | 8 min | 09:00 | 12 min |')
    expect(markdown).toContain('| 09:12 | en cours |')
    expect(markdown).toContain('non abordée')
  })

  it('gives its times and its date in the reader’s time zone, and names the zone', () => {
    const board = boardFromTemplate('swot-ffom')
    const [first] = board.session.getArray<{ id: string }>('agenda').toArray()
    if (!first) throw new Error('agenda too short')
    board.session.getArray('agendaRun').push([{ stepId: first.id, at: Date.parse('2025-03-14T09:00:00Z') }])
    const paris = renderMarkdown(reportBlocks(reportOf(board, 'fr', 'Europe/Paris')))
    expect(paris).toContain('| Étape | Prévu | Début (Europe/Paris) | Durée |')
    expect(paris).toContain('| 1. Forces et faiblesses | 8 min | 10:00 |')
    // The export is made at 10:00 UTC on the 14th: 21:00 in Nouméa, already the 15th in Kiritimati.
    expect(reportOf(board, 'en', 'Pacific/Noumea').date).toBe('2025-03-14')
    expect(reportOf(board, 'en', 'Pacific/Kiritimati').date).toBe('2025-03-15')
  })

  it('closed polls and quizzes with their tallies; open ones stay out', () => {
    const board = boardFromTemplate('ideation')
    const polls = board.session.getMap('polls')
    const poll = (id: string, status: string, extra: Record<string, unknown>) => {
      const map = new Y.Map<unknown>()
      polls.set(id, map)
      for (const [key, value] of Object.entries({
        kind: 'single',
        question: `Question ${id}`,
        options: [
          { id: 'a', label: 'Oui' },
          { id: 'b', label: 'Non' },
        ],
        quiz: false,
        status,
        openedAt: id === 'p1' ? 1 : 2,
        closedAt: 3,
        timeLimitMs: 20_000,
        points: 100,
        respondents: 5,
        counts: [
          { optionId: 'a', count: 3 },
          { optionId: 'b', count: 2 },
        ],
        ...extra,
      }))
        map.set(key, value)
    }
    poll('p1', 'closed', { quiz: true, correctOptionIds: ['b'] })
    poll('p2', 'open', {})
    const model = reportOf(board)
    expect(model.polls).toEqual([
      {
        question: 'Question p1',
        kind: 'single',
        quiz: true,
        respondents: 5,
        options: [
          { label: 'Oui', count: 3, correct: false },
          { label: 'Non', count: 2, correct: true },
        ],
        words: [],
      },
    ])
    const markdown = renderMarkdown(reportBlocks(model))
    expect(markdown).toContain('### Quiz : Question p1 (5 réponses)')
    expect(markdown).toContain('| Non (bonne réponse) | 2 |')
  })

  it('Markdown: title, date, counts, notes with author and votes, the results of closed rounds', () => {
    const board = boardFromTemplate('lewin-change')
    addPeople(board, { ana: 'Ana' })
    const note = addNote(board, '1. Décristallisation', 'Réunions *trop* longues')
    closeRound(board, 'Priorités', [[note, 2]])
    const markdown = renderMarkdown(reportBlocks(reportOf(board)))
    expect(markdown.startsWith('# Atelier\n\nCompte rendu — Date : 2025-03-14\n\n')).toBe(true)
    expect(markdown).toContain('1 note des participants dans 4 sections, 2 votes.')
    expect(markdown).toContain('- Réunions \\*trop\\* longues — par Ana (2 votes)')
    expect(markdown).toContain('### Priorités (4 votants)')
    expect(markdown).toContain('| 1 | Réunions \\*trop\\* longues | 2 |')
    expect(markdown).not.toContain('Un exemple')
  })

  it('a frame with zones (a governance scale): its notes by mark, every mark listed, the strays apart', () => {
    const board = boardFromTemplate('governance-positioning')
    addPeople(board, { ines: 'Inès', nadia: 'Nadia' })
    const scale = readItems(board.doc).find((item) => item.type === 'frame' && item.text === '2. Décisionnel')
    if (!scale) throw new Error('no decision scale')
    // A note of 200 × 150 centred on a mark.
    const on = (title: string) => {
      const mark = scale.zones?.find((zone) => zone.title === title)
      if (!mark) throw new Error(`no mark ${title}`)
      return { dx: mark.x * scale.w - 100, dy: mark.y * scale.h - 75 }
    }
    addNote(board, '2. Décisionnel', 'IB', { author: 'ines', ...on('Plutôt ouverte') })
    addNote(board, '2. Décisionnel', 'NB', { author: 'nadia', ...on('Plutôt ouverte') })
    addNote(board, '2. Décisionnel', 'CL', { author: 'camille', ...on('Fermée') })
    addNote(board, '2. Décisionnel', 'À revoir ensemble', { author: 'ines', dx: 40, dy: 20 })
    const zone = reportOf(board).zones.find(
      (found) => found.kind === 'section' && found.title === '2. Décisionnel',
    )
    if (zone?.kind !== 'section') throw new Error('no section for the decision scale')
    expect(zone.places?.map((place) => [place.title, place.notes.map((note) => note.text)])).toEqual([
      ['Fermée', ['CL']],
      ['Plutôt fermée', []],
      ['Entre les deux', []],
      ['Plutôt ouverte', ['IB', 'NB']],
      ['Ouverte', []],
      [null, ['À revoir ensemble']],
    ])
    const markdown = renderMarkdown(reportBlocks(reportOf(board)))
    expect(markdown).toContain('- Plutôt ouverte : 2 notes\n  - IB — par Inès\n  - NB — par Nadia')
    expect(markdown).toContain('- Plutôt fermée : 0 note\n')
    expect(markdown).toContain('- Ailleurs dans la section : 1 note')
    // A scale nobody placed a token on says so, as before.
    expect(markdown).toContain('## 1. Stratégique\n\n_Aucune note._')
    // The spreadsheet says the same in its last column.
    const rows = noteRows(allNotes(exportBoard(board.doc, '', sessionFacts(board.session))), 'fr')
    const places = rows.filter((row) => row[0] === '2. Décisionnel').map((row) => [row[1], row.at(-1)])
    expect(places.sort()).toEqual([
      ['CL', 'Fermée'],
      ['IB', 'Plutôt ouverte'],
      ['NB', 'Plutôt ouverte'],
      ['À revoir ensemble', ''],
    ])
  })

  it('sections follow the workshop: the frames in the order its steps visit them, the others after', () => {
    const report = reportOf(boardFromTemplate('governance-positioning'))
    const titles = report.zones.map((zone) => (zone.kind === 'section' ? zone.title : zone.kind))
    // The token tray stands beside the first scale and the levers beside the second: read by
    // position, they came between the scales. No step visits the tray: it comes last.
    expect(titles).toEqual([
      '1. Stratégique',
      '2. Décisionnel',
      '3. Informationnel',
      '4. Relationnel',
      '5. Structurel',
      'Leviers pour ouvrir la gouvernance',
      'Réserve de jetons',
    ])
  })

  it('orders frames by the first step that works in each, then as the board reads', () => {
    const frames = ['tray', 'a', 'b', 'c', 'd'].map((id) => ({ id }))
    const step = (frameId: string, moreFrameIds?: string[]): AgendaStep => ({
      id: `step-${frameId}`,
      title: frameId,
      instructions: '',
      durationMinutes: 5,
      mode: 'open',
      frameId,
      moreFrameIds,
    })
    const agenda = [step('c'), step('a', ['c', 'b']), step('gone'), step('c')]
    expect(inAgendaOrder(frames, agenda).map((frame) => frame.id)).toEqual(['c', 'a', 'b', 'tray', 'd'])
    expect(inAgendaOrder(frames, []).map((frame) => frame.id)).toEqual(['tray', 'a', 'b', 'c', 'd'])
  })

  it('escapes Markdown in note text', () => {
    expect(markdownText('*bold* _it_ [link](x) <b> # | `code`')).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\# \\| \\`code\\`',
    )
  })
})

describe('stepTimes', () => {
  it('adds up the runs of a step and leaves the current one open', () => {
    const moves: AgendaMove[] = [
      { stepId: 'a', at: 0 },
      { stepId: 'b', at: 60_000 },
      { stepId: 'a', at: 180_000 },
      { stepId: null, at: 240_000 },
      { stepId: 'c', at: 300_000 },
    ]
    expect(Object.fromEntries(stepTimes(moves))).toEqual({
      a: { startedAt: 0, spentMs: 120_000, current: false },
      b: { startedAt: 60_000, spentMs: 120_000, current: false },
      c: { startedAt: 300_000, spentMs: 0, current: true },
    })
  })
})
