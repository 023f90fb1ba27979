/** Download links of a board's server-side exports, in the person's language and time zone. */
export interface ExportLinks {
  csv: string
  /** The same notes as an Excel/LibreOffice workbook. */
  xlsx: string
  report: { md: string; pdf: string; docx: string; odt: string }
  /** The whole board as one file (facilitator token only). */
  backup: string
}

export function exportLinks(
  boardId: string,
  token: string,
  lang: string,
  options: { semicolon?: boolean; timeZone?: string } = {},
): ExportLinks {
  const base = `/api/boards/${encodeURIComponent(boardId)}/export`
  const query = new URLSearchParams({ token, lang: lang === 'en' ? 'en' : 'fr' })
  // The documents give their times as the room's clocks show them, not in UTC.
  if (options.timeZone) query.set('tz', options.timeZone)
  const csvQuery = new URLSearchParams(query)
  if (options.semicolon) csvQuery.set('sep', ';')
  const report = (extension: string) => `${base}/report.${extension}?${query}`
  return {
    csv: `${base}/notes.csv?${csvQuery}`,
    xlsx: `${base}/notes.xlsx?${query}`,
    report: { md: report('md'), pdf: report('pdf'), docx: report('docx'), odt: report('odt') },
    backup: `${base}/board.atelier?${new URLSearchParams({ token })}`,
  }
}
