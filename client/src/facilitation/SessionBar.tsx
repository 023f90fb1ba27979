import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { PHONE_MAX_WIDTH } from '../store/chrome.js'
import { CommandButton } from '../ui/CommandButton.js'
import { RemainingVotes } from '../voting/RemainingVotes.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useSession } from './hooks.js'
import { LockIcon } from './icons.js'
import { TimerWidget } from './TimerWidget.js'

/** What everyone sees at the top of the board: the step, the timer, the modes, the follow status. */
export function SessionBar({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const state = useSession(model, (s) => s.state)
  const agenda = useSession(model, (s) => s.agenda)
  const follow = useSyncExternalStore(model.follow.subscribe, model.follow.getSnapshot)
  // On a phone the instruction card would hide the frame's own question: it opens on demand.
  const [open, setOpen] = useState(() => window.innerWidth > PHONE_MAX_WIDTH)
  const step = agenda.find((s) => s.id === state.stepId) ?? null
  const index = step ? agenda.indexOf(step) : -1
  // A private step's instructions say the notes stay private: once revealed, that is no longer true.
  const revealed = step?.mode === 'private' && state.writingMode === 'revealed'
  const leader = model.people.getPeople().find((p) => p.id === follow.leaderId)

  return (
    <section className="session-bar" aria-label={t('facilitation.bar.label')} data-testid="session-bar">
      <div className="session-bar-row">
        {step && (
          <button
            type="button"
            className="step-title"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            data-testid="current-step"
          >
            <span className="step-index">
              {t('facilitation.agenda.stepOf', { index: index + 1, count: agenda.length })}
            </span>
            <span>{step.title}</span>
          </button>
        )}
        <TimerWidget model={model} />
        {state.writingMode === 'private' && (
          <span className="mode-badge private" data-testid="private-badge">
            <LockIcon />
            {t('facilitation.modes.privateOn')}
          </span>
        )}
        {state.anonymous && <span className="mode-badge">{t('facilitation.modes.anonymousOn')}</span>}
        <RemainingVotes model={model} />
        {follow.status === 'following' && (
          <span className="mode-badge follow" data-testid="follow-status">
            {t('facilitation.follow.following', {
              name: leader?.name ?? t('facilitation.follow.facilitator'),
            })}
          </span>
        )}
        <CommandButton command="follow.rejoin" className="button primary small-button" testId="follow-rejoin">
          {t('facilitation.follow.rejoin')}
        </CommandButton>
      </div>
      {step && open && (revealed || step.instructions) && (
        <p className="step-instructions" data-testid="step-instructions">
          {revealed ? t('facilitation.private.revealedNotice') : step.instructions}
        </p>
      )}
    </section>
  )
}
