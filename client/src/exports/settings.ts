import { useSyncExternalStore } from 'react'

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
const listeners = new Set<() => void>()

export function getExportSettings(): ExportSettings {
  return settings
}

export function setExportSettings(patch: Partial<ExportSettings>): void {
  settings = { ...settings, ...patch }
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useExportSettings(): ExportSettings {
  return useSyncExternalStore(subscribe, getExportSettings)
}
