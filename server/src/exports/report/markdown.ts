import { withoutUnsafeCharacters } from '../unsafeCharacters.js'
import type { Block, ListItem, TableCell } from './blocks.js'

/**
 * Escapes the characters Markdown would read as formatting, keeps a text on one line, and drops
 * control and bidirectional override characters.
 */
export function markdownText(value: string): string {
  return withoutUnsafeCharacters(value)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
}

function listLines(items: readonly ListItem[], depth: number): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}- ${markdownText(item.text)}`,
    ...listLines(item.children, depth + 1),
  ])
}

/** A table cell on one line: its paragraphs joined with `<br>` (the one break a table cell holds). */
function cellText(cell: TableCell): string {
  const lines = cell.lines.map(markdownText)
  return [...(cell.title ? [`**${markdownText(cell.title)}**`] : []), ...lines].join('<br>')
}

function tableLines(header: readonly string[] | null, rows: readonly TableCell[][]): string[] {
  const width = header?.length ?? rows[0]?.length ?? 0
  const head = header ? header.map(markdownText) : Array.from({ length: width }, () => ' ')
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cellText).join(' | ')} |`),
  ]
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${markdownText(block.text)}`]
    case 'paragraph':
      return [block.note ? `_${markdownText(block.text)}_` : markdownText(block.text)]
    case 'list':
      return listLines(block.items, 0)
    case 'table':
      return tableLines(block.header, block.rows)
  }
}

/** The report in Markdown: blocks separated by blank lines. */
export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map((block) => blockLines(block).join('\n')).join('\n\n')}\n`
}
