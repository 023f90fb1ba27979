/**
 * Cursor and avatar colours. Each is dark enough for white text (≥ 4.5:1, WCAG AA) and they
 * stay distinguishable for the common colour-vision deficiencies when paired with a name label.
 */
export const PERSON_COLORS = [
  '#1864ab', // blue
  '#c2255c', // raspberry
  '#2b8a3e', // green
  '#862e9c', // purple
  '#d9480f', // orange
  '#0b7285', // teal
  '#5f3dc4', // violet
  '#a61e4d', // wine
  '#364fc7', // indigo
  '#087f5b', // emerald
] as const

function hash(value: string): number {
  let h = 2166136261
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/**
 * The colour for a person joining: the least-used colour among those already present, ties
 * broken by a hash of their id so the same person tends to keep the same colour.
 */
export function assignColor(personId: string, taken: Iterable<string>): string {
  const counts = new Map<string, number>(PERSON_COLORS.map((c) => [c, 0]))
  for (const color of taken) if (counts.has(color)) counts.set(color, (counts.get(color) ?? 0) + 1)
  const least = Math.min(...counts.values())
  const candidates = PERSON_COLORS.filter((c) => counts.get(c) === least)
  return candidates[hash(personId) % candidates.length] ?? PERSON_COLORS[0]
}

/** Up to two initials for an avatar: "Marie Curie" → "MC", "zoé" → "Z". */
export function initials(name: string): string {
  // Words are runs of letters and digits: "Marc (DG)" gives "MD", not "M(".
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? []
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return letters
    .map((word) => [...(word ?? '')][0] ?? '')
    .join('')
    .toUpperCase()
}
