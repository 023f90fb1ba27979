import type { ItemSnapshot, Rect } from '@atelier/shared'
import { rectsIntersect } from '@atelier/shared'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { BoardStore, UndoState } from './BoardStore.js'
import { shallowEqualArrays } from './order.js'
import type { ViewState, ViewStore } from './ViewStore.js'

export function useItem(store: BoardStore, id: string): ItemSnapshot | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribeItem(id, listener), [store, id])
  return useSyncExternalStore(subscribe, () => store.getItem(id))
}

export function useItemIds(store: BoardStore): readonly string[] {
  return useSyncExternalStore(store.subscribeIds, () => store.getItemIds())
}

export function useUndoState(store: BoardStore): UndoState {
  return useSyncExternalStore(store.subscribeUndo, () => store.getUndoState())
}

export function useBoardTitle(store: BoardStore): string {
  return useSyncExternalStore(store.subscribeMeta, () => store.getTitle())
}

/** Ids, in paint order, of the items that intersect `rect`: the only ones the canvas draws. */
export function visibleIds(store: BoardStore, rect: Rect): string[] {
  const visible: string[] = []
  for (const id of store.getItemIds()) {
    const item = store.getItem(id)
    if (item && rectsIntersect(item, rect)) visible.push(id)
  }
  return visible
}

/** Culled id list; keeps the same array while the visible set is unchanged, so panning over empty space is free. */
export function useVisibleItemIds(store: BoardStore, rect: Rect): readonly string[] {
  const cache = useRef<readonly string[]>([])
  const getSnapshot = () => {
    const next = visibleIds(store, rect)
    if (!shallowEqualArrays(cache.current, next)) cache.current = next
    return cache.current
  }
  return useSyncExternalStore(store.subscribe, getSnapshot)
}

export function useView<T>(view: ViewStore, selector: (state: ViewState) => T): T {
  return useSyncExternalStore(view.subscribe, () => selector(view.getState()))
}
