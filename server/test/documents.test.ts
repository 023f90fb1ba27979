import { createItem } from '@atelier/shared'
import { strFromU8, unzipSync } from 'fflate'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { reportBlocks } from '../src/exports/report/blocks.js'
import { renderDocx } from '../src/exports/report/docx.js'
import { MISSING_GLYPH } from '../src/exports/report/fonts.js'
import { ODT_MIME, renderOdt } from '../src/exports/report/odt.js'
import { renderPdf } from '../src/exports/report/pdf.js'
import { addNote, addPeople, boardFromTemplate, closeRound, reportOf } from './exportFixtures.js'

const date = new Date('2025-03-14T10:00:00Z')

function ffom() {
  const board = boardFromTemplate('swot-ffom', 'fr', 'Diagnostic accueil')
  addPeople(board, { ana: 'Ana' })
  const strong = addNote(board, 'Forces', 'Équipe soudée & <motivée>', { dy: 300 })
  addNote(board, 'Forces', 'Horaires du jeudi', { dy: 500 })
  addNote(board, 'Faiblesses', 'Délais\u0007 de réponse')
  addNote(board, 'Opportunités', 'France Services')
  addNote(board, 'Menaces', 'Départs en retraite')
  closeRound(board, 'Priorités', [[strong, 3]])
  return reportBlocks(reportOf(board))
}

function objectivesTree() {
  const board = boardFromTemplate('objectives-tree')
  const purpose = addNote(board, 'Finalité', 'Accès aux droits', { dy: 320 })
  addNote(board, 'Finalité', 'Taux de non-recours', { dy: 320, dx: 300, color: 'grey' })
  const strategic = addNote(board, 'Objectifs stratégiques', 'Simplifier', { dy: 320 })
  createItem(board.doc, { type: 'connector', x: 0, y: 0, from: purpose, to: strategic })
  return reportBlocks(reportOf(board))
}

function actionPlan() {
  const board = boardFromTemplate('action-plan')
  addNote(board, 'Action', 'Accueil le samedi', { dy: 400 })
  addNote(board, 'Pilote', 'Claire', { dy: 420 })
  return reportBlocks(reportOf(board))
}

/** Texts of the `tag` elements (`w:t`, `text:p`) inside each match of `container`, in order. */
function textsIn(xml: string, container: RegExp, tag: string): string[][] {
  return [...xml.matchAll(container)].map((match) =>
    [...match[0].matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? ''),
  )
}

// Rendering documents takes seconds on a loaded machine.
describe('DOCX', { timeout: 30_000 }, () => {
  it('holds the FFOM as one 2×2 table of editable paragraphs, text escaped and cleaned', async () => {
    const files = unzipSync(new Uint8Array(await renderDocx(ffom(), 'Diagnostic accueil')))
    const xml = strFromU8(files['word/document.xml'] as Uint8Array)
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])
    const quadrants = tables.find((table) => table.includes('>Forces<'))
    if (!quadrants) throw new Error('no FFOM table')
    const rows = textsIn(quadrants, /<w:tr>[\s\S]*?<\/w:tr>/g, 'w:t')
    expect(rows).toEqual([
      [
        'Forces',
        'Équipe soudée &amp; &lt;motivée&gt; — par Ana (3 votes)',
        'Horaires du jeudi — par Ana',
        'Faiblesses',
        'Délais de réponse — par Ana',
      ],
      ['Opportunités', 'France Services — par Ana', 'Menaces', 'Départs en retraite — par Ana'],
    ])
    expect(quadrants.match(/<w:tc>/g)).toHaveLength(4)
    expect(xml).not.toContain('Une force…')
  })

  it('holds the objectives tree as nested bullets and the action plan as a table with a header row', async () => {
    const tree = strFromU8(
      unzipSync(new Uint8Array(await renderDocx(objectivesTree(), 'Arbre')))[
        'word/document.xml'
      ] as Uint8Array,
    )
    const level = (text: string) =>
      new RegExp(`<w:ilvl w:val="(\\d)"/>[\\s\\S]*?<w:t[^>]*>${text}`).exec(
        tree.slice(tree.lastIndexOf('<w:p>', tree.indexOf(text))),
      )?.[1]
    expect(level('Finalité — Accès aux droits')).toBe('0')
    expect(level('Indicateur : Taux de non-recours')).toBe('1')
    expect(level('Objectifs stratégiques — Simplifier')).toBe('1')
    const plan = strFromU8(
      unzipSync(new Uint8Array(await renderDocx(actionPlan(), 'Plan')))['word/document.xml'] as Uint8Array,
    )
    const table = [...plan.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .find((t) => t.includes('>Pilote<'))
    if (!table) throw new Error('no action table')
    expect(table).toContain('<w:tblHeader/>')
    expect(textsIn(table, /<w:tr>[\s\S]*?<\/w:tr>/g, 'w:t')).toEqual([
      ['Action', 'Axe', 'Pilote', 'Échéance', 'Indicateur'],
      ['Accueil le samedi', '', 'Claire', '', ''],
    ])
  })
})

describe('ODT', { timeout: 30_000 }, () => {
  it('is an OpenDocument package: mimetype first and stored, then content, styles, manifest', () => {
    const bytes = renderOdt(ffom(), { title: 'Diagnostic', lang: 'fr', date })
    // Local file header: compression method at offset 8 (0 = stored), name at 30, data after it.
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(8, true)).toBe(0)
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype')
    expect(strFromU8(bytes.subarray(38, 38 + ODT_MIME.length))).toBe(ODT_MIME)
    const files = unzipSync(bytes)
    expect(Object.keys(files)).toEqual([
      'mimetype',
      'content.xml',
      'styles.xml',
      'meta.xml',
      'META-INF/manifest.xml',
    ])
    const manifest = strFromU8(files['META-INF/manifest.xml'] as Uint8Array)
    for (const name of ['content.xml', 'styles.xml', 'meta.xml'])
      expect(manifest).toContain(`manifest:full-path="${name}"`)
    const content = strFromU8(files['content.xml'] as Uint8Array)
    const quadrants = [...content.matchAll(/<table:table [\s\S]*?<\/table:table>/g)]
      .map((m) => m[0])
      .find((table) => table.includes('>Forces<'))
    if (!quadrants) throw new Error('no FFOM table')
    expect(textsIn(quadrants, /<table:table-row>[\s\S]*?<\/table:table-row>/g, 'text:p')).toEqual([
      [
        'Forces',
        'Équipe soudée &amp; &lt;motivée&gt; — par Ana (3 votes)',
        'Horaires du jeudi — par Ana',
        'Faiblesses',
        'Délais de réponse — par Ana',
      ],
      ['Opportunités', 'France Services — par Ana', 'Menaces', 'Départs en retraite — par Ana'],
    ])
    expect(content).toContain(
      '<text:h text:style-name="Heading_20_1" text:outline-level="1">Diagnostic accueil</text:h>',
    )
  })

  it('holds the objectives tree as nested lists', () => {
    const files = unzipSync(renderOdt(objectivesTree(), { title: 'Arbre', lang: 'fr', date }))
    const content = strFromU8(files['content.xml'] as Uint8Array)
    const nested =
      /<text:list [^>]*><text:list-item><text:p [^>]*>Finalité — Accès aux droits<\/text:p><text:list [^>]*><text:list-item><text:p [^>]*>Indicateur : Taux de non-recours<\/text:p><\/text:list-item><text:list-item><text:p [^>]*>Objectifs stratégiques — Simplifier<\/text:p>/
    expect(content).toMatch(nested)
  })
})

/** The PDF's page count and the text it shows, line by line, as pdf.js reads it (ToUnicode maps of the embedded fonts). */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  const lines: string[] = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    for (const item of content.items) if ('str' in item && item.str.trim() !== '') lines.push(item.str)
  }
  const pages = document.numPages
  await document.destroy()
  return { pages, text: lines.join('\n') }
}

describe('PDF', { timeout: 30_000 }, () => {
  it('is an A4 document with the report’s text, French by default, page numbers included', async () => {
    const pdf = await renderPdf(ffom(), { title: 'Diagnostic accueil', lang: 'fr', date })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]')
    const { pages, text } = await pdfText(pdf)
    expect(pages).toBe(1)
    for (const expected of [
      'Diagnostic accueil',
      'Forces',
      'Menaces',
      'Départs en retraite — par Ana',
      'Page 1 sur 1',
    ])
      expect(text).toContain(expected)
  })

  it('runs a long table over several pages, repeating its header', async () => {
    const board = boardFromTemplate('action-plan')
    for (let i = 0; i < 60; i++) addNote(board, 'Action', `Action ${i}`, { dy: 150 + i * 15, h: 10 })
    const pdf = await renderPdf(reportBlocks(reportOf(board)), { title: 'Plan', lang: 'en', date })
    const { pages, text } = await pdfText(pdf)
    expect(pages).toBeGreaterThan(1)
    expect(text).toContain(`Page ${pages} of ${pages}`)
    expect(text.match(/^Pilote$/gm)?.length).toBe(pages)
  })

  it('embeds a font that prints Latin, Greek and some emoji as written, and marks what it cannot draw', async () => {
    const board = boardFromTemplate('swot-ffom', 'fr', 'Œuvre commune')
    addPeople(board, { ana: 'Ana' })
    addNote(board, 'Forces', 'Œuvre, ĳ, Ελληνικά, 中文?, 😀 et 👍🏽', { dy: 300 })
    const pdf = await renderPdf(reportBlocks(reportOf(board)), { title: 'Œuvre commune', lang: 'fr', date })
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2 /)
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/)
    const { text } = await pdfText(pdf)
    expect(text).toContain('Œuvre commune')
    // DejaVu has no Chinese glyphs and no 👍: each missing character is a visible box, not a "?"
    // (the skin tone only shapes the emoji before it, so it goes with it).
    expect(text).toContain(`Œuvre, ĳ, Ελληνικά, ${MISSING_GLYPH.repeat(2)}?, 😀 et ${MISSING_GLYPH} —`)
  })
})
