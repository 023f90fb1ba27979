import { describe, expect, it } from 'vitest'
import {
  checkAnswer,
  isCorrect,
  type PollQuestion,
  quizPoints,
  tallyChoices,
  wordFrequencies,
  wordKey,
} from './polls.js'

const single: PollQuestion = {
  kind: 'single',
  question: 'Notre défi vous paraît…',
  options: [
    { id: 'a', label: 'Hors de portée' },
    { id: 'b', label: 'Atteignable' },
    { id: 'c', label: 'À lancer demain' },
  ],
}
const multiple: PollQuestion = { ...single, kind: 'multiple' }
const words: PollQuestion = { kind: 'words', question: 'Un mot ?', options: [] }

describe('checkAnswer', () => {
  it('accepts a valid choice and returns it in option order without duplicates', () => {
    expect(checkAnswer(multiple, { optionIds: ['c', 'a', 'c'] })).toEqual({
      ok: true,
      answer: { optionIds: ['a', 'c'] },
    })
  })

  it('refuses what the poll does not allow', () => {
    expect(checkAnswer(single, { optionIds: ['a', 'b'] })).toEqual({ ok: false, reason: 'one-choice-only' })
    expect(checkAnswer(single, { optionIds: ['z'] })).toEqual({ ok: false, reason: 'unknown-option' })
    expect(checkAnswer(single, { optionIds: [] })).toEqual({ ok: false, reason: 'empty' })
    expect(checkAnswer(single, { words: ['x'] })).toEqual({ ok: false, reason: 'wrong-kind' })
    expect(checkAnswer(words, { optionIds: ['a'] })).toEqual({ ok: false, reason: 'wrong-kind' })
    expect(checkAnswer(words, { words: [' ', ''] })).toEqual({ ok: false, reason: 'empty' })
    expect(checkAnswer(words, { words: ['a', 'b', 'c', 'd'] })).toEqual({
      ok: false,
      reason: 'too-many-words',
    })
    expect(checkAnswer(words, { words: ['x'.repeat(41)] })).toEqual({ ok: false, reason: 'word-too-long' })
  })

  it('trims words', () => {
    expect(checkAnswer(words, { words: ['  écoute  active ', ''] })).toEqual({
      ok: true,
      answer: { words: ['écoute active'] },
    })
  })
})

describe('tallies', () => {
  it('count each option once per person', () => {
    const tally = tallyChoices(multiple, [
      { optionIds: ['a', 'b'] },
      { optionIds: ['b', 'b'] },
      { words: ['x'] },
    ])
    expect(tally).toEqual({
      counts: [
        { optionId: 'a', count: 1 },
        { optionId: 'b', count: 2 },
        { optionId: 'c', count: 0 },
      ],
      respondents: 2,
    })
  })

  it('merge spellings of a word and keep the most common one', () => {
    expect(wordKey('  Écoute! ')).toBe('ecoute')
    const cloud = wordFrequencies([
      { words: ['écoute', 'Écoute'] },
      { words: ['écoute', 'Confiance'] },
      { words: ['ecoute.', 'audace'] },
      { words: ['confiance'] },
      { words: ['!!!'] },
    ])
    expect(cloud).toEqual([
      { word: 'écoute', count: 3 },
      { word: 'confiance', count: 2 },
      { word: 'audace', count: 1 },
    ])
  })
})

describe('quiz', () => {
  it('needs exactly the correct options', () => {
    expect(isCorrect({ optionIds: ['b'] }, ['b'])).toBe(true)
    expect(isCorrect({ optionIds: ['b', 'c'] }, ['b'])).toBe(false)
    expect(isCorrect({ optionIds: ['b'] }, [])).toBe(false)
  })

  it('gives full points for an instant right answer, half at the time limit, none when wrong', () => {
    expect(quizPoints({ optionIds: ['b'] }, ['b'], 0, 20_000, 10)).toBe(10)
    expect(quizPoints({ optionIds: ['b'] }, ['b'], 10_000, 20_000, 10)).toBe(8)
    expect(quizPoints({ optionIds: ['b'] }, ['b'], 60_000, 20_000, 10)).toBe(5)
    expect(quizPoints({ optionIds: ['b'] }, ['b'], -5, 20_000, 10)).toBe(10)
    expect(quizPoints({ optionIds: ['a'] }, ['b'], 0, 20_000, 10)).toBe(0)
    expect(quizPoints({ optionIds: ['b'] }, ['b'], 19_999, 20_000, 1)).toBe(1)
  })
})
