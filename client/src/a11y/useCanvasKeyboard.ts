import { centerOn, type ItemSnapshot, rectsIntersect, visibleRect } from '@atelier/shared'
import { type KeyboardEvent, type RefObject, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { announce, itemDetails } from './announcer.js'
import { describeItem, zoneOf } from './describe.js'
import { type NavigationKey, navigate, navigationOrder } from './navigationOrder.js'

const KEYS: Record<string, NavigationKey> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
}

/** Below this zoom a note's text is too small to read: the keyboard brings it closer. */
const READABLE_ZOOM = 0.75

/**
 * Keyboard access to the canvas, which is one tab stop: while it has the focus, the arrow keys
 * (and Home/End) move from item to item in reading order, selecting it, bringing it into view and
 * saying it through the live region. Every other key goes on to the command registry, so Enter
 * edits, Delete deletes (when allowed), Escape deselects and N adds a note, as with the mouse.
 * When an edit started from here ends, the focus comes back to the canvas.
 */
export function useCanvasKeyboard(container: RefObject<HTMLElement | null>) {
  const session = useSession()
  const { t } = useTranslation()
  const { board, view } = session

  useEffect(() => {
    let editingFromCanvas = false
    let editing = view.getState().editingId
    return view.subscribe(() => {
      const next = view.getState().editingId
      if (next === editing) return
      if (next && !editing) editingFromCanvas = document.activeElement === container.current
      if (!next && editingFromCanvas) {
        editingFromCanvas = false
        // The editor has gone (Escape, Enter): back to the board, unless the person went elsewhere.
        requestAnimationFrame(() => {
          const active = document.activeElement
          if (!active || active === document.body) container.current?.focus({ preventScroll: true })
        })
      }
      editing = next
    })
  }, [view, container])

  const say = (item: ItemSnapshot, order: readonly ItemSnapshot[]) => {
    const index = order.findIndex((entry) => entry.id === item.id)
    const zone = zoneOf(item, order)
    announce(
      describeItem(t, item, { index, total: order.length }, [...(zone ? [zone] : []), ...itemDetails(item)]),
    )
  }

  const bringIntoView = (item: ItemSnapshot) => {
    const { camera, viewport } = view.getState()
    if (camera.zoom >= READABLE_ZOOM && rectsIntersect(visibleRect(camera, viewport), item)) {
      const seen = visibleRect(camera, viewport)
      const inside =
        item.x >= seen.x &&
        item.y >= seen.y &&
        item.x + item.w <= seen.x + seen.w &&
        item.y + item.h <= seen.y + seen.h
      if (inside) return
    }
    const center = { x: item.x + item.w / 2, y: item.y + item.h / 2 }
    view.setCamera(centerOn(center, viewport, Math.max(camera.zoom, READABLE_ZOOM)))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys pressed on a button drawn over the board (a vote dot) belong to that button.
    if (event.target !== event.currentTarget) return
    const key = KEYS[event.key]
    if (!key || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    event.stopPropagation()
    const order = navigationOrder(board.getItems().values())
    const { selection } = view.getState()
    const id = navigate(order, selection.length > 0 ? (selection.at(-1) ?? null) : null, key)
    const item = id ? board.getItem(id) : undefined
    if (!item) {
      announce(t('a11y.emptyBoard'))
      return
    }
    view.set({ selection: [item.id], editingId: null, hoveredId: null })
    bringIntoView(item)
    say(item, order)
  }

  /** Says where the keyboard is when the canvas gets the focus with an item already selected. */
  const onFocus = () => {
    const { selection } = view.getState()
    const item = selection.length === 1 ? board.getItem(selection[0] as string) : undefined
    if (item) say(item, navigationOrder(board.getItems().values()))
  }

  return { onKeyDown, onFocus }
}
