import { meaningfulWords } from './french.js'

interface ThemeInput {
  id: string
  text: string
}

interface Theme {
  /** The word the notes share, as most of them write it, with a capital: the column's title. */
  title: string
  stem: string
  /** In the order the notes were given. */
  itemIds: string[]
}

export interface ThemeProposal {
  themes: Theme[]
  /** Notes that share no word with another one. */
  unmatched: string[]
}

interface ThemeOptions {
  /** Most themes proposed; the notes of any further theme stay unmatched. */
  maxThemes?: number
}

const capitalise = (word: string): string => word.charAt(0).toLocaleUpperCase('fr') + word.slice(1)

/**
 * Groups notes by the words they share: the stem found in the most notes not yet grouped becomes
 * a theme holding those notes, and so on while a stem is shared by at least two notes. Greedy
 * and deterministic (ties go to the stem met first), so every facilitator's screen proposes the
 * same themes for the same notes, and a person can see why two notes ended up together.
 */
export function proposeThemes(notes: readonly ThemeInput[], options: ThemeOptions = {}): ThemeProposal {
  const maxThemes = options.maxThemes ?? 8
  const stemsOf = new Map<string, Set<string>>()
  const surfaces = new Map<string, Map<string, number>>()
  const firstSeen = new Map<string, number>()
  for (const note of notes) {
    const stems = new Set<string>()
    for (const { surface, stem } of meaningfulWords(note.text)) {
      stems.add(stem)
      if (!firstSeen.has(stem)) firstSeen.set(stem, firstSeen.size)
      const forms = surfaces.get(stem) ?? new Map<string, number>()
      const form = singular(surface.toLocaleLowerCase('fr'))
      forms.set(form, (forms.get(form) ?? 0) + 1)
      surfaces.set(stem, forms)
    }
    stemsOf.set(note.id, stems)
  }

  const themes: Theme[] = []
  let ungrouped = notes.map((note) => note.id)
  while (themes.length < maxThemes) {
    const counts = new Map<string, number>()
    for (const id of ungrouped)
      for (const stem of stemsOf.get(id) ?? []) counts.set(stem, (counts.get(stem) ?? 0) + 1)
    let best: string | null = null
    for (const [stem, count] of counts) {
      const bestCount = best === null ? 0 : (counts.get(best) ?? 0)
      if (
        count > bestCount ||
        (count === bestCount && (firstSeen.get(stem) ?? 0) < (firstSeen.get(best ?? '') ?? 0))
      ) {
        best = stem
      }
    }
    if (best === null || (counts.get(best) ?? 0) < 2) break
    const stem = best
    const itemIds = ungrouped.filter((id) => stemsOf.get(id)?.has(stem))
    themes.push({ title: capitalise(mostUsedForm(surfaces.get(stem))), stem, itemIds })
    ungrouped = ungrouped.filter((id) => !stemsOf.get(id)?.has(stem))
  }
  return { themes, unmatched: ungrouped }
}

/** "formations" → "formation": a title names the theme, not a count. */
function singular(word: string): string {
  return word.length > 3 && /[sx]$/.test(word) && !word.endsWith('aux') ? word.slice(0, -1) : word
}

const hasAccents = (word: string): boolean => word.normalize('NFD') !== word

/**
 * The form written most often; on a tie the one with its accents (a careful spelling), then the
 * first in alphabetical order.
 */
function mostUsedForm(forms: Map<string, number> | undefined): string {
  let best = ''
  let bestCount = 0
  for (const [form, count] of forms ?? []) {
    const tieBreak = hasAccents(form) !== hasAccents(best) ? hasAccents(form) : form < best
    if (count > bestCount || (count === bestCount && tieBreak)) {
      best = form
      bestCount = count
    }
  }
  return best
}
