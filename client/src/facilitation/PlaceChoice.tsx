import { type ReactNode, type Ref, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { IdeaPlace } from './ideaPlace.js'

/**
 * Where the next idea goes: which of the step's frames (a SWOT's strengths or weaknesses; nothing
 * asked with one frame), then where in it, when the frame names its places (a journey's stages,
 * the marks of a scale). On a phone, large radio buttons; in the canvas's composer, which must not
 * hide the board it writes on, two compact lists. Each try to place an idea without the zone it
 * needs (`choice.asked`) brings the focus to the choice, with a message saying why.
 */
export function PlaceChoice({
  choice,
  compact = false,
  prompt = null,
}: {
  choice: IdeaPlace
  compact?: boolean
  /** What the chosen frame asks, shown between the frame and its zones (a scale's two poles). */
  prompt?: ReactNode
}) {
  const { t } = useTranslation()
  const { frame, frames, asked } = choice
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
        <Radios
          name="frame-choice"
          legend={t('facilitation.frameChoice')}
          labels={frames.map(frameName)}
          checked={frames.findIndex((candidate) => candidate.id === frame?.id)}
          onCheck={(index) => {
            const chosen = frames[index]
            if (chosen) choice.chooseFrame(chosen.id)
          }}
        />
      )}
      {prompt}
      {zones.length > 0 && (
        <Radios
          name="zone-choice"
          legend={zoneQuestion}
          labels={zones.map((zone) => zone.title)}
          checked={choice.zoneIndex}
          onCheck={choice.chooseZone}
          groupRef={zoneGroup}
        >
          {message}
        </Radios>
      )}
    </>
  )
}

/** One choice as a group of large radio buttons, named by its legend; `name` is also its test id. */
function Radios({
  name,
  legend,
  labels,
  checked,
  onCheck,
  groupRef,
  children,
}: {
  name: string
  legend: string
  labels: readonly string[]
  checked: number | null
  onCheck: (index: number) => void
  /** The group, which takes the focus when its choice is missing. */
  groupRef?: Ref<HTMLFieldSetElement>
  children?: ReactNode
}) {
  return (
    <fieldset className="place-choice" data-testid={name} ref={groupRef} tabIndex={groupRef ? -1 : undefined}>
      <legend className="place-choice-legend">{legend}</legend>
      {labels.map((label, index) => (
        // Two options may share a label: their place in the list tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is the frame's, in its order
        <label key={index} className="place-choice-option">
          <input
            type="radio"
            className="place-choice-radio"
            name={name}
            checked={index === checked}
            onChange={() => onCheck(index)}
          />
          <span>{label}</span>
        </label>
      ))}
      {children}
    </fieldset>
  )
}
