/**
 * Live polls and quizzes as pure functions: the relay validates and tallies answers with them,
 * and publishes only the tallies; the client mirrors the checks to explain a refusal.
 */

export const POLL_KINDS = ['single', 'multiple', 'words'] as const
export type PollKind = (typeof POLL_KINDS)[number]

export const POLL_LIMITS = {
  options: 10,
  optionLabel: 120,
  question: 300,
  /** Words one person may give to a word cloud. */
  words: 3,
  wordLength: 40,
  /** Most words a published cloud shows. */
  cloudSize: 60,
} as const

export interface PollOption {
  id: string
  label: string
}

/** What a poll asks. A quiz is a choice poll with correct options. */
export interface PollQuestion {
  kind: PollKind
  question: string
  /** Empty for a word cloud. */
  options: readonly PollOption[]
}

export type PollAnswer = { optionIds: string[] } | { words: string[] }

export type AnswerRefusal =
  | 'poll-closed'
  | 'wrong-kind'
  | 'empty'
  | 'one-choice-only'
  | 'unknown-option'
  | 'too-many-words'
  | 'word-too-long'

type AnswerCheck = { ok: true; answer: PollAnswer } | { ok: false; reason: AnswerRefusal }

/**
 * Checks one answer against its poll and returns it normalised (choices de-duplicated in option
 * order, words trimmed), ready to store.
 */
export function checkAnswer(poll: PollQuestion, answer: PollAnswer): AnswerCheck {
  if (poll.kind === 'words') {
    if (!('words' in answer)) return { ok: false, reason: 'wrong-kind' }
    const words = answer.words.map((word) => word.replace(/\s+/g, ' ').trim()).filter((word) => word !== '')
    if (words.length === 0) return { ok: false, reason: 'empty' }
    if (words.length > POLL_LIMITS.words) return { ok: false, reason: 'too-many-words' }
    if (words.some((word) => word.length > POLL_LIMITS.wordLength))
      return { ok: false, reason: 'word-too-long' }
    return { ok: true, answer: { words } }
  }
  if (!('optionIds' in answer)) return { ok: false, reason: 'wrong-kind' }
  const chosen = new Set(answer.optionIds)
  if (chosen.size === 0) return { ok: false, reason: 'empty' }
  if (poll.kind === 'single' && chosen.size > 1) return { ok: false, reason: 'one-choice-only' }
  const known = new Set(poll.options.map((option) => option.id))
  if ([...chosen].some((id) => !known.has(id))) return { ok: false, reason: 'unknown-option' }
  return { ok: true, answer: { optionIds: poll.options.filter((o) => chosen.has(o.id)).map((o) => o.id) } }
}

interface ChoiceTally {
  /** Count per option, in the poll's option order. */
  counts: Array<{ optionId: string; count: number }>
  /** People who answered. */
  respondents: number
}

/** How many people chose each option; a multiple-choice answer counts once per option chosen. */
export function tallyChoices(poll: PollQuestion, answers: Iterable<PollAnswer>): ChoiceTally {
  const counts = new Map(poll.options.map((option) => [option.id, 0]))
  let respondents = 0
  for (const answer of answers) {
    if (!('optionIds' in answer)) continue
    respondents++
    for (const id of new Set(answer.optionIds)) {
      const count = counts.get(id)
      if (count !== undefined) counts.set(id, count + 1)
    }
  }
  return { counts: [...counts].map(([optionId, count]) => ({ optionId, count })), respondents }
}

/** The key two spellings of one word share: case, accents, surrounding punctuation and spacing ignored. */
export function wordKey(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('fr')
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/\s+/g, ' ')
}

export interface WordFrequency {
  /** The spelling most people used (ties: the first in alphabetical order). */
  word: string
  count: number
}

/**
 * Word-cloud frequencies: each person counts once per word, whatever its spelling; most frequent
 * first, ties in alphabetical order, at most `POLL_LIMITS.cloudSize` words.
 */
export function wordFrequencies(answers: Iterable<PollAnswer>): WordFrequency[] {
  const spellings = new Map<string, Map<string, number>>()
  for (const answer of answers) {
    if (!('words' in answer)) continue
    const seen = new Set<string>()
    for (const raw of answer.words) {
      const key = wordKey(raw)
      if (key === '' || seen.has(key)) continue
      seen.add(key)
      const display = raw
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')
      const forms = spellings.get(key) ?? new Map<string, number>()
      forms.set(display, (forms.get(display) ?? 0) + 1)
      spellings.set(key, forms)
    }
  }
  const compare = (a: string, b: string) => a.localeCompare(b, 'fr')
  return [...spellings.values()]
    .map((forms) => {
      const sorted = [...forms].sort(([a, x], [b, y]) => y - x || compare(a, b))
      const count = sorted.reduce((sum, [, n]) => sum + n, 0)
      return { word: (sorted[0] as [string, number])[0], count }
    })
    .sort((a, b) => b.count - a.count || compare(a.word, b.word))
    .slice(0, POLL_LIMITS.cloudSize)
}

/** Whether a choice answer is exactly the set of correct options. */
export function isCorrect(answer: PollAnswer, correctOptionIds: readonly string[]): boolean {
  if (!('optionIds' in answer) || correctOptionIds.length === 0) return false
  const chosen = new Set(answer.optionIds)
  return chosen.size === correctOptionIds.length && correctOptionIds.every((id) => chosen.has(id))
}

/**
 * Quiz points for one answer: nothing when wrong; when right, from the full `points` for an
 * instant answer down to half of them at the time limit, so speed counts but never beats being right.
 * `elapsedMs` is measured by the server, from the poll's opening to the answer's arrival.
 */
export function quizPoints(
  answer: PollAnswer,
  correctOptionIds: readonly string[],
  elapsedMs: number,
  timeLimitMs: number,
  points: number,
): number {
  if (!isCorrect(answer, correctOptionIds) || points <= 0) return 0
  const late = timeLimitMs > 0 ? Math.min(1, Math.max(0, elapsedMs) / timeLimitMs) : 1
  return Math.max(1, Math.round(points * (1 - late / 2)))
}
