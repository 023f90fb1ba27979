import type { Template } from '@atelier/shared'
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../sync/api.js'
import { fetchLibrary } from './api.js'
import { forgetLibrary, readLibraries, rememberLibrary, type SavedLibrary } from './libraries.js'

export type LibraryLoad =
  | { state: 'loading' }
  | { state: 'ready'; templates: Template[] }
  | { state: 'denied' }
  | { state: 'failed'; reason: string }

/** The libraries saved on this device, and the templates of the one being browsed. */
export function useLibraries() {
  const [libraries, setLibraries] = useState<SavedLibrary[]>(() => readLibraries(localStorage))
  const remember = useCallback(
    (library: SavedLibrary) => setLibraries(rememberLibrary(localStorage, library)),
    [],
  )
  const forget = useCallback((id: string) => setLibraries(forgetLibrary(localStorage, id)), [])
  return { libraries, remember, forget }
}

/** Loads a library's templates; `reload` after a change. */
export function useLibraryTemplates(library: SavedLibrary | null) {
  const [load, setLoad] = useState<LibraryLoad>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    if (!library) return
    let cancelled = false
    setLoad({ state: 'loading' })
    fetchLibrary(library)
      .then((response) => {
        if (!cancelled) setLoad({ state: 'ready', templates: response.templates })
      })
      .catch((error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && error.status === 401) setLoad({ state: 'denied' })
        else setLoad({ state: 'failed', reason: error instanceof Error ? error.message : String(error) })
      })
    return () => {
      cancelled = true
    }
  }, [library, attempt])
  return { load, reload: useCallback(() => setAttempt((n) => n + 1), []) }
}
