import { useSyncExternalStore } from 'react'
import { Listeners } from '../lib/listeners.js'

/** The export dialog's choices, kept for the tab so the palette's export commands reuse them. */
export interface ExportSettings {
  /** The selection is read when the export starts, so it is the one the person sees then. */
  scope: { kind: 'board' } | { kind: 'frame'; frameId: string } | { kind: 'selection' }
  scale: 1 | 2
  background: boolean
  /** CSV with ";" between fields, which French spreadsheets expect; null: by the language. */
  semicolon: boolean | null
}

let settings: ExportSettings = { scope: { kind: 'board' }, scale: 1, background: true, semicolon: null }
const listeners = new Listeners()

export function getExportSettings(): ExportSettings {
  return settings
}

export function setExportSettings(patch: Partial<ExportSettings>): void {
  settings = { ...settings, ...patch }
  listeners.notify()
}

export function useExportSettings(): ExportSettings {
  return useSyncExternalStore(listeners.subscribe, getExportSettings)
}
