import type { ItemSnapshot } from '@atelier/shared'
import { useSyncExternalStore } from 'react'
import { Listeners } from '../lib/listeners.js'

/** The latest message for screen readers; `nonce` changes even when the same words are said twice. */
export interface Announcement {
  text: string
  nonce: number
}

let current: Announcement = { text: '', nonce: 0 }
const listeners = new Listeners()

/** Says `text` through the page's polite live region (one per page, see LiveRegion). */
export function announce(text: string): void {
  current = { text, nonce: current.nonce + 1 }
  listeners.notify()
}

export function useAnnouncement(): Announcement {
  return useSyncExternalStore(listeners.subscribe, () => current)
}

/** Facts a feature adds to an item's spoken description ("2 votes", "1er, 5 votes"). */
export type ItemDetails = (item: ItemSnapshot) => readonly string[]

const detailProviders = new Set<ItemDetails>()

/** Adds a source of item facts while a feature is mounted; returns its removal. */
export function addItemDetails(provider: ItemDetails): () => void {
  detailProviders.add(provider)
  return () => {
    detailProviders.delete(provider)
  }
}

export function itemDetails(item: ItemSnapshot): string[] {
  return [...detailProviders].flatMap((provider) => provider(item))
}
