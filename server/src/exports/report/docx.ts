import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Block, ListItem, TableCell as ReportCell } from './blocks.js'

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const

/** Word's bullet levels stop at 9. */
const MAX_LEVEL = 8

function listParagraphs(items: readonly ListItem[], level: number): Paragraph[] {
  return items.flatMap((item) => [
    new Paragraph({ text: item.text, bullet: { level: Math.min(level, MAX_LEVEL) } }),
    ...listParagraphs(item.children, level + 1),
  ])
}

function cellParagraphs(cell: ReportCell, bold: boolean): Paragraph[] {
  const paragraphs = [
    ...(cell.title ? [new Paragraph({ children: [new TextRun({ text: cell.title, bold: true })] })] : []),
    ...cell.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  ]
  // A table cell must hold at least one paragraph.
  return paragraphs.length > 0 ? paragraphs : [new Paragraph('')]
}

function table(header: readonly string[] | null, rows: readonly ReportCell[][]): Table {
  const headerRow = header
    ? [
        new TableRow({
          tableHeader: true,
          children: header.map(
            (title) => new TableCell({ children: cellParagraphs({ lines: [title] }, true) }),
          ),
        }),
      ]
    : []
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...headerRow,
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: false,
            children: row.map((cell) => new TableCell({ children: cellParagraphs(cell, false) })),
          }),
      ),
    ],
  })
}

function blockContent(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })]
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: block.text, italics: block.note === true })] })]
    case 'list':
      return listParagraphs(block.items, 0)
    case 'table':
      // An empty paragraph after a table keeps two tables in a row from merging in Word.
      return [table(block.header, block.rows), new Paragraph('')]
  }
}

/** The report as a Word document (Office Open XML): real headings, bulleted outlines, editable tables. */
export async function renderDocx(blocks: readonly Block[], title: string): Promise<Buffer> {
  const document = new Document({
    title,
    creator: 'Atelier',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: blocks.flatMap(blockContent) }],
  })
  return Packer.toBuffer(document)
}
