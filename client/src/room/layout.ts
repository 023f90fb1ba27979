import type { Role } from '@atelier/shared'
import { useState } from 'react'
import type { KeyValueStore } from '../lib/storage.js'
import { PHONE_MAX_WIDTH } from '../store/chrome.js'

/** How a board is shown: the canvas, or the participants' room (a list made for a phone). */
export type BoardLayout = 'canvas' | 'room'

const LAYOUT_KEY = 'atelier.layout'

/**
 * The layout a board opens in: the one this device chose last, else the room for a participant
 * on a phone-sized screen, else the canvas.
 */
export function initialLayout(role: Role, width: number, store: KeyValueStore): BoardLayout {
  const saved = store.getItem(LAYOUT_KEY)
  if (saved === 'room' || saved === 'canvas') return saved
  return role === 'participant' && width <= PHONE_MAX_WIDTH ? 'room' : 'canvas'
}

/** The board's layout, remembered on this device once the person switches. */
export function useBoardLayout(role: Role): [BoardLayout, (layout: BoardLayout) => void] {
  const [layout, setLayout] = useState(() => initialLayout(role, window.innerWidth, localStorage))
  const choose = (next: BoardLayout) => {
    localStorage.setItem(LAYOUT_KEY, next)
    setLayout(next)
  }
  return [layout, choose]
}
