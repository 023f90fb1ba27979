import type { ItemSnapshot } from '@atelier/shared'
import { useCallback, useSyncExternalStore } from 'react'
import type { BoardStore } from './BoardStore.js'
import type { ViewState, ViewStore } from './ViewStore.js'

export function useItem(store: BoardStore, id: string): ItemSnapshot | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribeItem(id, listener), [store, id])
  return useSyncExternalStore(subscribe, () => store.getItem(id))
}

export function useItemIds(store: BoardStore): readonly string[] {
  return useSyncExternalStore(store.subscribeIds, () => store.getItemIds())
}

export function useBoardTitle(store: BoardStore): string {
  return useSyncExternalStore(store.subscribeMeta, () => store.getTitle())
}

export function useView<T>(view: ViewStore, selector: (state: ViewState) => T): T {
  return useSyncExternalStore(view.subscribe, () => selector(view.getState()))
}
