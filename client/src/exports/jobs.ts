import { useSyncExternalStore } from 'react'
import { Listeners } from '../lib/listeners.js'

/** The export running in this tab: what it is, how far it got, and how to stop it. */
export interface ExportJob {
  labelKey: string
  done: number
  total: number
  cancel(): void
}

/** Reports progress; `total` is the number of steps (pages, images), known once the job starts. */
export type Progress = (done: number, total: number) => void

let current: ExportJob | null = null
const listeners = new Listeners()

export function exportRunning(): boolean {
  return current !== null
}

/** The running export, as the progress panel shows it. */
export function currentExportJob(): ExportJob | null {
  return current
}

/**
 * Runs one export at a time. Resolves with the work's result, or with null when the person
 * cancelled it; any other failure rejects.
 */
export async function runExportJob<T>(
  labelKey: string,
  work: (progress: Progress, signal: AbortSignal) => Promise<T>,
): Promise<T | null> {
  if (current) throw new Error('an export is already running')
  const controller = new AbortController()
  current = { labelKey, done: 0, total: 1, cancel: () => controller.abort() }
  listeners.notify()
  try {
    return await work((done, total) => {
      if (!current || controller.signal.aborted) return
      current = { ...current, done, total }
      listeners.notify()
    }, controller.signal)
  } catch (error) {
    if (controller.signal.aborted) return null
    throw error
  } finally {
    current = null
    listeners.notify()
  }
}

export function useExportJob(): ExportJob | null {
  return useSyncExternalStore(listeners.subscribe, currentExportJob)
}
