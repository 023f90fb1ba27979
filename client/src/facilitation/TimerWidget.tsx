import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
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
              <button
                key={minutes}
                type="button"
                className="chip"
                data-testid={`timer-start-${minutes}`}
                title={t('facilitation.timer.startFor', { count: minutes })}
                onClick={() => model.session.timer('start', minutes * 60_000)}
              >
                {t('facilitation.timer.minutes', { count: minutes })}
              </button>
            ))
          ) : (
            <>
              {display.phase === 'paused' ? (
                <button
                  type="button"
                  className="chip"
                  data-testid="timer-resume"
                  onClick={() => model.session.timer('resume')}
                >
                  {t('facilitation.timer.resume')}
                </button>
              ) : display.phase !== 'finished' ? (
                <button
                  type="button"
                  className="chip"
                  data-testid="timer-pause"
                  onClick={() => model.session.timer('pause')}
                >
                  {t('facilitation.timer.pause')}
                </button>
              ) : null}
              <button
                type="button"
                className="chip"
                data-testid="timer-add"
                onClick={() => model.session.timer('add', 60_000)}
              >
                {t('facilitation.timer.addMinute')}
              </button>
              <button
                type="button"
                className="chip"
                data-testid="timer-reset"
                onClick={() => model.session.timer('reset')}
              >
                {t('facilitation.timer.reset')}
              </button>
            </>
          )}
        </span>
      )}
      <button
        type="button"
        className="chip quiet"
        aria-pressed={!muted}
        aria-label={muted ? t('facilitation.timer.unmute') : t('facilitation.timer.mute')}
        title={muted ? t('facilitation.timer.unmute') : t('facilitation.timer.mute')}
        onClick={() => model.setMuted(!muted)}
      >
        <BellIcon off={muted} />
      </button>
      <p className="visually-hidden" aria-live="assertive">
        {announce}
      </p>
    </div>
  )
}
