import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useLocal, useServerNow, useSession } from './hooks.js'
import { BellIcon } from './icons.js'
import { reachedZero, TIMER_PRESETS_MIN, type TimerPhase, timerDisplay } from './timerDisplay.js'

/** The shared countdown: everyone sees it; the facilitator also gets its controls. */
export function TimerWidget({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const timer = useSession(model, (s) => s.timer)
  const muted = useLocal(model, (s) => s.muted)
  const now = useServerNow(model, timer.status === 'running')
  const display = timerDisplay(timer, now)
  const previous = useRef<TimerPhase | null>(null)
  const [announce, setAnnounce] = useState('')

  useEffect(() => {
    if (reachedZero(previous.current, display.phase)) {
      if (!muted) model.chime.play()
      setAnnounce(t('facilitation.timer.ended'))
    } else if (display.phase !== 'finished') setAnnounce('')
    previous.current = display.phase
  }, [display.phase, model, muted, t])

  const facilitator = model.isFacilitator
  if (display.phase === 'idle' && !facilitator)
    return (
      <p className="visually-hidden" aria-live="assertive">
        {announce}
      </p>
    )

  return (
    <div className={`timer timer-${display.phase}`} data-testid="timer" data-phase={display.phase}>
      <span
        className="timer-ring"
        style={{ ['--elapsed' as string]: String(display.elapsed) }}
        aria-hidden="true"
      />
      <span
        className="timer-time"
        role="timer"
        aria-label={t('facilitation.timer.label')}
        data-testid="timer-time"
      >
        {display.text}
      </span>
      {display.phase === 'paused' && <span className="timer-note">{t('facilitation.timer.paused')}</span>}
      {facilitator && (
        <span className="timer-controls">
          {display.phase === 'idle' ? (
            TIMER_PRESETS_MIN.map((minutes) => (
              <CommandButton
                key={minutes}
                command="timer.start"
                args={{ amount: minutes }}
                className="chip"
                testId={`timer-start-${minutes}`}
                title={t('facilitation.timer.startFor', { count: minutes })}
              >
                {t('facilitation.timer.minutes', { count: minutes })}
              </CommandButton>
            ))
          ) : (
            <>
              <CommandButton command="timer.resume" className="chip" testId="timer-resume">
                {t('facilitation.timer.resume')}
              </CommandButton>
              <CommandButton command="timer.pause" className="chip" testId="timer-pause">
                {t('facilitation.timer.pause')}
              </CommandButton>
              <CommandButton command="timer.addMinute" className="chip" testId="timer-add">
                {t('facilitation.timer.addMinute')}
              </CommandButton>
              <CommandButton command="timer.reset" className="chip" testId="timer-reset">
                {t('facilitation.timer.reset')}
              </CommandButton>
            </>
          )}
        </span>
      )}
      <CommandButton
        command="chime.toggle"
        className="chip quiet"
        pressed={!muted}
        label={muted ? t('facilitation.timer.unmute') : t('facilitation.timer.mute')}
        icon={<BellIcon off={muted} />}
      />
      <p className="visually-hidden" aria-live="assertive">
        {announce}
      </p>
    </div>
  )
}
