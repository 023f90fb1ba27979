import { type Camera, fitCamera, type Rect, type Role, type Size } from '@atelier/shared'
import { useState } from 'react'
import type { KeyValueStore } from '../lib/storage.js'

/** How a board is shown: the canvas, or the participants' room (a list made for a phone). */
export type BoardLayout = 'canvas' | 'room'

/** Screens this narrow or narrower give participants the room first (a phone held upright). */
export const PHONE_MAX_WIDTH = 600

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

/** Below this zoom a phone would draw notes as blocks with no text. */
export const PHONE_READABLE_ZOOM = 0.6

/**
 * Where a board opens: framed on its content; on a phone, when that would shrink the text past
 * reading, at a readable zoom on the content's top-left corner instead (clear of the top bar).
 */
export function firstView(bounds: Rect, viewport: Size): Camera {
  const fit = fitCamera(bounds, viewport)
  if (viewport.width > PHONE_MAX_WIDTH || fit.zoom >= PHONE_READABLE_ZOOM) return fit
  const zoom = PHONE_READABLE_ZOOM
  return { x: bounds.x - 16 / zoom, y: bounds.y - 72 / zoom, zoom }
}
