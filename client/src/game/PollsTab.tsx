import { POLL_LIMITS, type PollKind, randomId } from '@atelier/shared'
import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { CommandButton } from '../ui/CommandButton.js'
import { useCommandBusy } from '../ui/useCommand.js'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'
import { agendaPolls, requestOf } from './stepPolls.js'

interface Draft {
  kind: PollKind
  question: string
  options: Array<{ id: string; label: string }>
  quiz: boolean
  correct: string[]
  seconds: number
  points: number
}

const newOption = () => ({ id: randomId(), label: '' })
const EMPTY: Draft = {
  kind: 'single',
  question: '',
  options: [],
  quiz: false,
  correct: [],
  seconds: 30,
  points: 4,
}

/** Facilitator: launch a poll, a quiz or a word cloud, from the agenda or written on the spot. */
export function PollsTab({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const { registry, ctx } = useSession()
  const polls = useGame(game, (s) => s.polls)
  useSyncExternalStore(game.facilitation.session.subscribe, game.facilitation.session.getSnapshot)
  const fromAgenda = agendaPolls(game.facilitation.session.getSnapshot().agenda)
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, options: [newOption(), newOption()] })
  const busy = useCommandBusy('game.openPoll')
  const clearDraft = () => setDraft({ ...EMPTY, options: [newOption(), newOption()] })

  const options = draft.kind === 'words' ? [] : draft.options.filter((o) => o.label.trim())
  const valid =
    draft.question.trim() !== '' &&
    (draft.kind === 'words' || options.length >= 2) &&
    (!draft.quiz || draft.correct.some((id) => options.some((o) => o.id === id)))
  const submit = () =>
    registry
      .runToEnd('game.openPoll', ctx, {
        poll: {
          kind: draft.kind,
          question: draft.question.trim(),
          options: options.map((o) => ({ id: o.id, label: o.label.trim() })),
          correctOptionIds: draft.quiz ? draft.correct.filter((id) => options.some((o) => o.id === id)) : [],
          timeLimitSeconds: draft.seconds,
          points: draft.points,
        },
      })
      .then((ran) => {
        if (ran) clearDraft()
      })
  const toggleCorrect = (id: string) =>
    setDraft({
      ...draft,
      correct:
        draft.kind === 'single'
          ? [id]
          : draft.correct.includes(id)
            ? draft.correct.filter((c) => c !== id)
            : [...draft.correct, id],
    })

  return (
    <div className="game-section">
      {fromAgenda.length > 0 && (
        <>
          <h3 className="game-subtitle">{t('game.polls.fromAgenda')}</h3>
          <ul className="agenda-polls">
            {fromAgenda.map(({ stepId, title, poll }) => (
              <li key={stepId}>
                <span>
                  <strong>{title}</strong> — {poll.question}
                </span>
                <CommandButton command="game.openPoll" args={{ poll: requestOf(poll) }} className="chip">
                  {poll.correctOptionId ? t('game.polls.launchQuiz') : t('game.polls.launch')}
                </CommandButton>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        className="poll-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (valid) submit()
        }}
      >
        <h3 className="game-subtitle">{t('game.polls.new')}</h3>
        <fieldset className="poll-kinds">
          <legend>{t('game.polls.kindLabel')}</legend>
          {(['single', 'multiple', 'words'] as const).map((kind) => (
            <label key={kind} className="game-check">
              <input
                type="radio"
                name="poll-kind"
                checked={draft.kind === kind}
                data-testid={`poll-kind-${kind}`}
                onChange={() =>
                  setDraft({ ...draft, kind, correct: [], quiz: kind === 'words' ? false : draft.quiz })
                }
              />
              {t(`game.polls.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <label className="game-field">
          {t('game.polls.question')}
          <input
            value={draft.question}
            maxLength={POLL_LIMITS.question}
            data-testid="poll-question"
            onChange={(event) => setDraft({ ...draft, question: event.target.value })}
          />
        </label>
        {draft.kind !== 'words' && (
          <>
            {draft.options.map((option, index) => (
              <div key={option.id} className="poll-option-edit">
                <input
                  value={option.label}
                  maxLength={POLL_LIMITS.optionLabel}
                  aria-label={t('game.polls.optionN', { n: index + 1 })}
                  data-testid="poll-option-input"
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      options: draft.options.map((o) =>
                        o.id === option.id ? { ...o, label: event.target.value } : o,
                      ),
                    })
                  }
                />
                {draft.quiz && (
                  <label className="game-check">
                    <input
                      type={draft.kind === 'single' ? 'radio' : 'checkbox'}
                      name="poll-correct"
                      checked={draft.correct.includes(option.id)}
                      onChange={() => toggleCorrect(option.id)}
                    />
                    {t('game.polls.correct')}
                  </label>
                )}
              </div>
            ))}
            {draft.options.length < POLL_LIMITS.options && (
              <button
                type="button"
                className="chip"
                onClick={() => setDraft({ ...draft, options: [...draft.options, newOption()] })}
              >
                {t('game.polls.addOption')}
              </button>
            )}
            <label className="game-check">
              <input
                type="checkbox"
                checked={draft.quiz}
                onChange={(event) => setDraft({ ...draft, quiz: event.target.checked })}
              />
              {t('game.polls.quizMode')}
            </label>
            {draft.quiz && (
              <div className="poll-quiz-settings">
                <label className="game-field">
                  {t('game.polls.seconds')}
                  <input
                    type="number"
                    min={5}
                    max={600}
                    value={draft.seconds}
                    onChange={(event) => setDraft({ ...draft, seconds: Number(event.target.value) || 30 })}
                  />
                </label>
                <label className="game-field">
                  {t('game.polls.points')}
                  <input
                    type="number"
                    min={0}
                    max={100}
                    value={draft.points}
                    onChange={(event) => setDraft({ ...draft, points: Number(event.target.value) || 0 })}
                  />
                </label>
              </div>
            )}
          </>
        )}
        <button
          type="submit"
          className="button primary"
          aria-busy={busy || undefined}
          disabled={!valid || busy}
          data-testid="poll-launch"
        >
          {t('game.polls.launch')}
        </button>
      </form>
      {polls.length > 0 && (
        <>
          <h3 className="game-subtitle">{t('game.polls.past')}</h3>
          <ul className="past-polls">
            {polls.map((poll) => (
              <li key={poll.id}>
                <span>{poll.question}</span>
                <span className="game-hint">
                  {t('game.polls.respondents', { count: poll.respondents })} ·{' '}
                  {poll.status === 'open' ? t('game.polls.open') : t('game.polls.closed')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
