import { describe, expect, it } from 'vitest'
import { fileStem } from './download.js'
import { currentExportJob, exportRunning, runExportJob } from './jobs.js'

describe('export jobs', () => {
  it('run one at a time and resolve with the result', async () => {
    let release: () => void = () => {}
    const first = runExportJob(
      'exports.commands.exportPng',
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('done')
        }),
    )
    expect(exportRunning()).toBe(true)
    await expect(runExportJob('exports.commands.exportSvg', async () => 'second')).rejects.toThrow(
      /already running/,
    )
    release()
    await expect(first).resolves.toBe('done')
    expect(exportRunning()).toBe(false)
  })

  it('resolve with null when cancelled, the work seeing the abort, and report progress meanwhile', async () => {
    const job = runExportJob('exports.commands.exportPdf', (progress, signal) => {
      progress(1, 3)
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
    })
    expect(currentExportJob()).toMatchObject({ labelKey: 'exports.commands.exportPdf', done: 1, total: 3 })
    currentExportJob()?.cancel()
    await expect(job).resolves.toBeNull()
    expect(currentExportJob()).toBeNull()
  })

  it('report other failures', async () => {
    await expect(runExportJob('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(exportRunning()).toBe(false)
  })
})

describe('file names', () => {
  it('keep letters (accents too) and digits, dashes between words, never empty', () => {
    expect(fileStem('Atelier — parcours usager', 'Section 1')).toBe('Atelier-parcours-usager-Section-1')
    expect(fileStem('Diagnostic : élus / agents')).toBe('Diagnostic-élus-agents')
    expect(fileStem('', undefined)).toBe('atelier')
    expect(fileStem('../../etc')).toBe('etc')
  })
})
