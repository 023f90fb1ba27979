import type { Lang } from '@atelier/shared'
import PDFDocument from 'pdfkit'
import type { Block, ListItem, TableCell } from './blocks.js'
import { FONT_STYLES, type FontStyle, type ReportFonts, reportFonts } from './fonts.js'
import { REPORT_TEXT } from './text.js'

/**
 * The report as an A4 PDF, black on white only (it prints the same on any printer): bold
 * headings, bulleted outlines, ruled tables whose header row repeats on each page, page numbers.
 * The text is set in DejaVu Sans, embedded (see `fonts.ts`), so accents, Greek, Cyrillic and many
 * symbols print as written.
 */

const MARGIN = 56
const SIZE = { body: 10.5, heading: { 1: 18, 2: 14, 3: 12 } } as const
const PAD = 4

/** The document being written, with the fonts it embeds. */
type Pdf = PDFKit.PDFDocument & { fonts: ReportFonts }

/** Sets the font and size, and returns the text as that font can print it. */
function styled(doc: Pdf, style: FontStyle, size: number, text: string): string {
  doc.font(style).fontSize(size)
  return doc.fonts[style].printable(text)
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom
}

function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

function write(doc: Pdf, text: string, x: number, width: number, style: FontStyle = 'regular'): void {
  doc.text(styled(doc, style, SIZE.body, text), x, doc.y, { width })
}

function list(doc: Pdf, items: readonly ListItem[], depth: number): void {
  const left = doc.page.margins.left + depth * 16
  const width = doc.page.width - doc.page.margins.right - left - 12
  for (const item of items) {
    const text = styled(doc, 'regular', SIZE.body, item.text)
    ensureRoom(doc, doc.heightOfString(text, { width }))
    const top = doc.y
    doc.text(depth % 2 === 0 ? '•' : '–', left, top, { width: 12 })
    doc.text(text, left + 12, top, { width })
    doc.moveDown(0.15)
    list(doc, item.children, depth + 1)
  }
}

function cellHeight(doc: Pdf, cell: TableCell, width: number, bold: boolean): number {
  let height = 0
  if (cell.title !== undefined)
    height += doc.heightOfString(styled(doc, 'bold', SIZE.body, cell.title), { width })
  for (const line of cell.lines) {
    height += doc.heightOfString(styled(doc, bold ? 'bold' : 'regular', SIZE.body, line), { width })
  }
  return height + 2 * PAD
}

function rowHeight(doc: Pdf, cells: readonly TableCell[], widths: readonly number[], bold: boolean): number {
  const heights = cells.map((cell, i) => cellHeight(doc, cell, (widths[i] ?? 0) - 2 * PAD, bold))
  return Math.max(SIZE.body + 2 * PAD, ...heights)
}

/** One row of ruled cells at the current position. */
function row(
  doc: Pdf,
  cells: readonly TableCell[],
  widths: readonly number[],
  height: number,
  bold: boolean,
): void {
  const top = doc.y
  let x = doc.page.margins.left
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0
    doc.lineWidth(0.5).strokeColor('black').rect(x, top, width, height).stroke()
    doc.y = top + PAD
    if (cell.title !== undefined) write(doc, cell.title, x + PAD, width - 2 * PAD, 'bold')
    for (const line of cell.lines) write(doc, line, x + PAD, width - 2 * PAD, bold ? 'bold' : 'regular')
    x += width
  })
  doc.x = doc.page.margins.left
  doc.y = top + height
}

/**
 * Columns as wide as their longest line asks, within a quarter and a half of the page, then
 * scaled to fill it: a rank or a count stays narrow, a note's text gets the room.
 */
function columnWidths(
  doc: Pdf,
  block: Extract<Block, { kind: 'table' }>,
  columns: number,
  total: number,
): number[] {
  const header: TableCell[][] = block.header ? [block.header.map((title) => ({ lines: [title] }))] : []
  const rows = [...header, ...block.rows]
  const natural = Array.from({ length: columns }, (_, column) => {
    const lines = rows.flatMap((row) => {
      const cell = row[column]
      return cell ? [...(cell.title !== undefined ? [cell.title] : []), ...cell.lines] : []
    })
    const widest = Math.max(
      0,
      ...lines.map((line) => doc.widthOfString(styled(doc, 'bold', SIZE.body, line))),
    )
    return Math.min(Math.max(widest + 2 * PAD, total / (4 * columns)), total / 2)
  })
  const sum = natural.reduce((a, b) => a + b, 0)
  return natural.map((width) => (width * total) / sum)
}

/**
 * A ruled table whose header row starts each page it runs over. A row taller than a page is
 * written as plain paragraphs instead (a table row cannot be split across pages here).
 */
function table(doc: Pdf, block: Extract<Block, { kind: 'table' }>): void {
  const columns = block.header?.length ?? block.rows[0]?.length ?? 1
  const left = doc.page.margins.left
  const total = doc.page.width - left - doc.page.margins.right
  const widths = columnWidths(doc, block, columns, total)
  const header = block.header?.map((title) => ({ lines: [title] }))
  const headerHeight = header ? rowHeight(doc, header, widths, true) : 0
  const pageRoom = bottom(doc) - doc.page.margins.top - headerHeight
  const startPage = () => {
    if (header) row(doc, header, widths, headerHeight, true)
  }
  const first = block.rows[0]
  const firstHeight = first ? Math.min(rowHeight(doc, first, widths, false), pageRoom) : 0
  if (doc.y + headerHeight + firstHeight > bottom(doc)) doc.addPage()
  startPage()
  for (const cells of block.rows) {
    const height = rowHeight(doc, cells, widths, false)
    if (height > pageRoom) {
      for (const cell of cells) {
        if (cell.title !== undefined) write(doc, cell.title, left, total, 'bold')
        for (const line of cell.lines) write(doc, line, left, total)
      }
      continue
    }
    if (doc.y + height > bottom(doc)) {
      doc.addPage()
      startPage()
    }
    row(doc, cells, widths, height, false)
  }
  doc.moveDown(0.6)
}

function block(doc: Pdf, content: Block): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const left = doc.page.margins.left
  switch (content.kind) {
    case 'heading': {
      const size = SIZE.heading[content.level]
      const text = styled(doc, 'bold', size, content.text)
      ensureRoom(doc, doc.heightOfString(text, { width }) + 3 * SIZE.body)
      if (content.level > 1) doc.moveDown(0.5)
      doc.text(text, left, doc.y, { width })
      doc.moveDown(0.3)
      return
    }
    case 'paragraph':
      write(doc, content.text, left, width, content.note ? 'italic' : 'regular')
      doc.moveDown(0.4)
      return
    case 'list':
      list(doc, content.items, 0)
      doc.moveDown(0.4)
      return
    case 'table':
      table(doc, content)
      return
  }
}

export interface PdfOptions {
  title: string
  lang: Lang
  date: Date
}

export async function renderPdf(
  blocks: readonly Block[],
  { title, lang, date }: PdfOptions,
): Promise<Buffer> {
  const fonts = await reportFonts()
  // The title in the file's properties is Unicode text, not drawn: it keeps every character.
  const doc: Pdf = Object.assign(
    new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      lang,
      // No standard font: every text is set in one of the embedded fonts registered below.
      font: '',
      info: { Title: title, Creator: 'Atelier', CreationDate: date },
    }),
    { fonts },
  )
  for (const style of FONT_STYLES) doc.registerFont(style, fonts[style].data)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.fillColor('black')
  for (const content of blocks) block(doc, content)
  const { start, count } = doc.bufferedPageRange()
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page)
    // Writing inside the bottom margin would make PDFKit open a new page: lift the margin first.
    const marginBottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .text(REPORT_TEXT[lang].page(page + 1, count), MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
      })
    doc.page.margins.bottom = marginBottom
  }
  doc.end()
  return done
}
