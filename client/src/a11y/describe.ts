import { centerOf, containingFrame, type ItemSnapshot, NOTE_COLORS, zoneNear } from '@atelier/shared'
import { itemUtil } from '../items/registry.js'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** The name of a palette colour ("jaune"), or null for a colour outside the palette. */
export function colorKey(color: string | undefined): string | null {
  const match = NOTE_COLORS.find((entry) => entry.value.toLowerCase() === color?.toLowerCase())
  return match ? `colors.${match.id}` : null
}

/**
 * What a screen reader says when the keyboard reaches an item: "Post-it 3 sur 12 : Moins de
 * papier, jaune, 2 votes". `details` are facts other features add (votes, rank).
 */
export function describeItem(
  t: Translate,
  item: ItemSnapshot,
  position: { index: number; total: number },
  details: readonly string[] = [],
): string {
  const text = item.text?.trim() || t('a11y.empty')
  const parts = [text]
  if (itemUtil(item.type).colorable) {
    const color = colorKey(item.color)
    if (color) parts.push(t(color))
  }
  if (item.locked) parts.push(t('a11y.locked'))
  parts.push(...details)
  return t('a11y.item', {
    kind: t(`a11y.kinds.${item.type}`),
    index: position.index + 1,
    total: position.total,
    text: parts.join(', '),
  })
}

/**
 * The zone of its frame an item is at (« Plutôt ouverte » on a scale, a journey's stage), which a
 * person who does not see the board hears with it; null where the frame names no place.
 */
export function zoneOf(item: ItemSnapshot, items: readonly ItemSnapshot[]): string | null {
  if (item.type === 'frame') return null
  const frame = containingFrame(
    item,
    items.filter((candidate) => candidate.type === 'frame'),
  )
  return frame ? (zoneNear(frame, centerOf(item))?.title ?? null) : null
}
