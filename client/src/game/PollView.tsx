import { POLL_LIMITS, type PollAnswer, type PollState } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GameModel } from './GameModel.js'
import { useAnswers } from './hooks.js'

/** One poll: the question, this person's answer form, and the live results the relay publishes. */
export function PollView({
  game,
  poll,
  compact = false,
}: {
  game: GameModel
  poll: PollState
  compact?: boolean
}) {
  const { t } = useTranslation()
  const mine = useAnswers(game, (s) => s.mine[poll.id] ?? null)
  const error = useAnswers(game, (s) => s.error)
  const open = poll.status === 'open'
  const player = game.canPlay && !game.isFacilitator
  const answering = open && player

  useEffect(() => {
    // Also once closed: after a reload, the quiz's outcome depends on whether this person answered.
    if (player) game.loadAnswer(poll.id).catch(() => {})
  }, [game, poll.id, player])

  // Live bars would sway a quiz: its answers show once it closes. A poll shows them once you answered.
  const showResults = !answering || (mine !== null && (!poll.quiz || !open)) || !open
  const kind = poll.quiz ? 'quiz' : poll.kind
  return (
    <div className={`poll${compact ? ' compact' : ''}`} data-testid="poll" data-poll-status={poll.status}>
      <p className="poll-kind">
        {t(`game.polls.kind.${kind}`)} · {open ? t('game.polls.open') : t('game.polls.closed')}
      </p>
      <h3 className="poll-question">{poll.question}</h3>
      {answering && <AnswerForm game={game} poll={poll} mine={mine} />}
      {error && answering && (
        <p className="game-error" role="alert">
          {t('game.polls.refused', { reason: error })}
        </p>
      )}
      <p className="poll-count" aria-live="polite">
        {t('game.polls.respondents', { count: poll.respondents })}
      </p>
      {showResults && (poll.kind === 'words' ? <WordCloud poll={poll} /> : <Bars poll={poll} />)}
      {poll.quiz && !open && <QuizOutcome game={game} poll={poll} answered={mine !== null} />}
    </div>
  )
}

function AnswerForm({ game, poll, mine }: { game: GameModel; poll: PollState; mine: PollAnswer | null }) {
  const { t } = useTranslation()
  const chosen = mine && 'optionIds' in mine ? mine.optionIds : []
  const [picked, setPicked] = useState<string[]>(chosen)
  const [words, setWords] = useState<string[]>(mine && 'words' in mine ? mine.words : [''])
  const send = (answer: PollAnswer) => game.answer(poll.id, answer).catch(() => {})

  if (poll.kind === 'single') {
    return (
      <fieldset className="poll-options">
        <legend className="visually-hidden">{poll.question}</legend>
        {poll.options.map((option) => (
          <button
            key={option.id}
            type="button"
            className="poll-option"
            aria-pressed={chosen.includes(option.id)}
            data-testid="poll-option"
            onClick={() => send({ optionIds: [option.id] })}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
    )
  }
  if (poll.kind === 'multiple') {
    return (
      <form
        className="poll-options"
        onSubmit={(event) => {
          event.preventDefault()
          if (picked.length > 0) send({ optionIds: picked })
        }}
      >
        {poll.options.map((option) => (
          <label key={option.id} className="poll-option check">
            <input
              type="checkbox"
              checked={picked.includes(option.id)}
              onChange={(event) =>
                setPicked(
                  event.target.checked ? [...picked, option.id] : picked.filter((id) => id !== option.id),
                )
              }
            />
            {option.label}
          </label>
        ))}
        <button type="submit" className="button primary" disabled={picked.length === 0}>
          {mine ? t('game.polls.change') : t('game.polls.send')}
        </button>
      </form>
    )
  }
  return (
    <form
      className="poll-words"
      onSubmit={(event) => {
        event.preventDefault()
        const given = words.map((w) => w.trim()).filter(Boolean)
        if (given.length > 0) send({ words: given })
      }}
    >
      {words.map((word, index) => (
        <input
          // biome-ignore lint/suspicious/noArrayIndexKey: the inputs are positional slots
          key={index}
          value={word}
          maxLength={POLL_LIMITS.wordLength}
          aria-label={t('game.polls.wordN', { n: index + 1 })}
          data-testid="poll-word"
          onChange={(event) => setWords(words.map((w, i) => (i === index ? event.target.value : w)))}
        />
      ))}
      <div className="game-actions">
        {words.length < POLL_LIMITS.words && (
          <button type="button" className="button" onClick={() => setWords([...words, ''])}>
            {t('game.polls.addWord')}
          </button>
        )}
        <button type="submit" className="button primary" data-testid="poll-send">
          {mine ? t('game.polls.change') : t('game.polls.send')}
        </button>
      </div>
    </form>
  )
}

function Bars({ poll }: { poll: PollState }) {
  const { t } = useTranslation()
  const total = Math.max(1, poll.respondents)
  return (
    <ul className="poll-bars">
      {poll.options.map((option) => {
        const count = poll.counts.find((c) => c.optionId === option.id)?.count ?? 0
        const correct = poll.correctOptionIds.includes(option.id)
        const share = Math.round((count / total) * 100)
        return (
          <li key={option.id} className={correct ? 'correct' : undefined}>
            <span className="poll-bar-label">
              {option.label}
              {correct && <span className="poll-correct"> ✓ {t('game.polls.correct')}</span>}
            </span>
            <span className="poll-bar-value">{t('game.polls.share', { count, share })}</span>
            <span className="poll-bar" aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </span>
          </li>
        )
      })}
    </ul>
  )
}

function WordCloud({ poll }: { poll: PollState }) {
  const { t } = useTranslation()
  const top = Math.max(1, ...poll.words.map((w) => w.count))
  if (poll.words.length === 0) return <p className="game-hint">{t('game.polls.noWords')}</p>
  return (
    <ul className="word-cloud" aria-label={t('game.polls.cloud')}>
      {poll.words.map((word, index) => (
        <li
          key={word.word}
          style={{ fontSize: `${0.85 + (word.count / top) * 1.6}rem` }}
          className={`tone-${index % 4}`}
          title={t('game.polls.wordCount', { count: word.count })}
        >
          {word.word}
          <span className="visually-hidden"> ({t('game.polls.wordCount', { count: word.count })})</span>
        </li>
      ))}
    </ul>
  )
}

function QuizOutcome({ game, poll, answered }: { game: GameModel; poll: PollState; answered: boolean }) {
  const { t } = useTranslation()
  if (game.isFacilitator) {
    return (
      <p className="game-hint">{t('game.polls.winners', { count: Object.keys(poll.quizPoints).length })}</p>
    )
  }
  const points = poll.quizPoints[game.personId()] ?? 0
  return (
    <p className={`quiz-outcome${points > 0 ? ' right' : ''}`} role="status">
      {points > 0
        ? t('game.polls.youScored', { count: points })
        : // Someone who did not answer (an observer, a latecomer) missed nothing: they just see the answer.
          t(answered ? 'game.polls.notThisTime' : 'game.polls.theAnswer')}
    </p>
  )
}
