/** Download links of a board's exports (CSV of the notes, Markdown report), in the person's language. */
export function exportLinks(boardId: string, token: string, lang: string): { csv: string; report: string } {
  const base = `/api/boards/${encodeURIComponent(boardId)}/export`
  const query = new URLSearchParams({ token, lang: lang === 'en' ? 'en' : 'fr' })
  return { csv: `${base}/notes.csv?${query}`, report: `${base}/report.md?${query}` }
}
