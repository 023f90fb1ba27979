import { describe, expect, it } from 'vitest'
import { exportLinks } from './links.js'

describe('exportLinks', () => {
  it('point at the contract endpoints with the token and the language', () => {
    expect(exportLinks('b0ard-id-1234567890', 'to/k+en', 'en')).toEqual({
      csv: '/api/boards/b0ard-id-1234567890/export/notes.csv?token=to%2Fk%2Ben&lang=en',
      report: '/api/boards/b0ard-id-1234567890/export/report.md?token=to%2Fk%2Ben&lang=en',
    })
  })

  it('fall back to French for any other language', () => {
    expect(exportLinks('b', 't', 'de').report).toContain('lang=fr')
  })
})
