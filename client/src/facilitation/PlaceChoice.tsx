import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { IdeaPlace } from './ideaPlace.js'

/**
 * Where the next idea goes: which of the step's frames (a SWOT's strengths or weaknesses; nothing
 * asked with one frame), then where in it, when the frame names its places (a journey's stages,
 * the marks of a scale). On a phone, large radio buttons; in the canvas's composer, which must not
 * hide the board it writes on, two compact lists. `asked` counts the tries to add an idea without
 * the place it needs: each one brings the focus to the choice, with a message saying why.
 */
export function PlaceChoice({
  choice,
  asked,
  compact = false,
  prompt = null,
}: {
  choice: IdeaPlace
  asked: number
  compact?: boolean
  /** What the chosen frame asks, shown between the frame and its zones (a scale's two poles). */
  prompt?: ReactNode
}) {
  const { t } = useTranslation()
  const { frame, frames } = choice
  const zones = frame?.zones ?? []
  const zoneGroup = useRef<HTMLFieldSetElement>(null)
  const zoneList = useRef<HTMLSelectElement>(null)
  const missing = asked > 0 && choice.zoneMissing
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new try (`asked`) moves the focus again
  useEffect(() => {
    if (missing) (zoneGroup.current ?? zoneList.current)?.focus()
  }, [asked])
  const frameName = (item: { text?: string }) => item.text?.trim() || t('voting.unnamedItem')
  const zoneQuestion = frame ? t('facilitation.zoneChoice', { frame: frameName(frame) }) : ''
  const message = missing && frame && (
    <p className="place-choice-missing" role="alert" data-testid="zone-missing">
      {t(compact ? 'facilitation.zoneMissingOnBoard' : 'facilitation.zoneMissing', {
        frame: frameName(frame),
      })}
    </p>
  )

  if (compact) {
    return (
      <div className="place-lists">
        {frames.length > 1 && (
          <label className="place-list">
            <span>{t('facilitation.frameChoice')}</span>
            <select
              data-testid="frame-choice"
              value={frame?.id ?? ''}
              onChange={(event) => choice.chooseFrame(event.target.value)}
            >
              {frames.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {frameName(candidate)}
                </option>
              ))}
            </select>
          </label>
        )}
        {zones.length > 0 && (
          <label className="place-list">
            <span>{zoneQuestion}</span>
            <select
              ref={zoneList}
              data-testid="zone-choice"
              value={choice.zoneIndex ?? ''}
              aria-invalid={missing || undefined}
              onChange={(event) => choice.chooseZone(Number(event.target.value))}
            >
              <option value="" disabled>
                {t('facilitation.zonePick')}
              </option>
              {zones.map((zone, index) => (
                <option key={`${zone.title}-${zone.x}-${zone.y}`} value={index}>
                  {zone.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {message}
      </div>
    )
  }

  return (
    <>
      {frames.length > 1 && (
        <fieldset className="place-choice" data-testid="frame-choice">
          <legend className="place-choice-legend">{t('facilitation.frameChoice')}</legend>
          {frames.map((candidate) => (
            <label key={candidate.id} className="place-choice-option">
              <input
                type="radio"
                className="place-choice-radio"
                name="frame-choice"
                value={candidate.id}
                checked={candidate.id === frame?.id}
                onChange={() => choice.chooseFrame(candidate.id)}
              />
              <span>{frameName(candidate)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {prompt}
      {zones.length > 0 && (
        <fieldset className="place-choice" data-testid="zone-choice" ref={zoneGroup} tabIndex={-1}>
          <legend className="place-choice-legend">{zoneQuestion}</legend>
          {zones.map((zone, index) => (
            <label key={`${zone.title}-${zone.x}-${zone.y}`} className="place-choice-option">
              <input
                type="radio"
                className="place-choice-radio"
                name="zone-choice"
                checked={index === choice.zoneIndex}
                onChange={() => choice.chooseZone(index)}
              />
              <span>{zone.title}</span>
            </label>
          ))}
          {message}
        </fieldset>
      )}
    </>
  )
}
