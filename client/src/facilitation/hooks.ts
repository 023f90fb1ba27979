import { useEffect, useState, useSyncExternalStore } from 'react'
import type { FacilitationModel, LocalSnapshot } from './FacilitationModel.js'
import type { SessionSnapshot } from './SessionStore.js'

export function useSession<T>(model: FacilitationModel, selector: (s: SessionSnapshot) => T): T {
  return useSyncExternalStore(model.session.subscribe, () => selector(model.session.getSnapshot()))
}

export function useLocal<T>(model: FacilitationModel, selector: (s: LocalSnapshot) => T): T {
  return useSyncExternalStore(model.subscribeLocal, () => selector(model.getLocal()))
}

/** Server time, refreshed every `ms` while `active` (a running timer), frozen otherwise. */
export function useServerNow(model: FacilitationModel, active: boolean, ms = 250): number {
  const [now, setNow] = useState(model.clock.now)
  useEffect(() => {
    setNow(model.clock.now())
    if (!active) return
    const id = setInterval(() => setNow(model.clock.now()), ms)
    return () => clearInterval(id)
  }, [model, active, ms])
  return now
}
