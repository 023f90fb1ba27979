import { describe, expect, it } from 'vitest'
import { exportLinks } from './links.js'

describe('exportLinks', () => {
  it('point at the contract endpoints with the token and the language', () => {
    const links = exportLinks('b0ard-id-1234567890', 'to/k+en', 'en')
    expect(links.csv).toBe('/api/boards/b0ard-id-1234567890/export/notes.csv?token=to%2Fk%2Ben&lang=en')
    expect(links.xlsx).toBe('/api/boards/b0ard-id-1234567890/export/notes.xlsx?token=to%2Fk%2Ben&lang=en')
    expect(links.report).toEqual({
      md: '/api/boards/b0ard-id-1234567890/export/report.md?token=to%2Fk%2Ben&lang=en',
      pdf: '/api/boards/b0ard-id-1234567890/export/report.pdf?token=to%2Fk%2Ben&lang=en',
      docx: '/api/boards/b0ard-id-1234567890/export/report.docx?token=to%2Fk%2Ben&lang=en',
      odt: '/api/boards/b0ard-id-1234567890/export/report.odt?token=to%2Fk%2Ben&lang=en',
    })
    expect(links.backup).toBe('/api/boards/b0ard-id-1234567890/export/board.atelier?token=to%2Fk%2Ben')
  })

  it('name the reader’s time zone for the documents’ times, but not for the backup', () => {
    const links = exportLinks('b', 't', 'fr', { timeZone: 'Europe/Paris' })
    for (const url of [links.csv, links.xlsx, links.report.pdf])
      expect(new URL(url, 'http://x').searchParams.get('tz')).toBe('Europe/Paris')
    expect(new URL(links.backup, 'http://x').searchParams.has('tz')).toBe(false)
    expect(new URL(exportLinks('b', 't', 'fr').csv, 'http://x').searchParams.has('tz')).toBe(false)
  })

  it('fall back to French for any other language', () => {
    expect(exportLinks('b', 't', 'de').report.md).toContain('lang=fr')
  })

  it('ask for ";" between CSV fields only when chosen', () => {
    expect(
      new URL(exportLinks('b', 't', 'fr', { semicolon: true }).csv, 'http://x').searchParams.get('sep'),
    ).toBe(';')
    expect(new URL(exportLinks('b', 't', 'fr').csv, 'http://x').searchParams.has('sep')).toBe(false)
  })
})
