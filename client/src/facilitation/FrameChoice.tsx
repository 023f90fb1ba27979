import type { ItemSnapshot } from '@atelier/shared'
import { useTranslation } from 'react-i18next'

/**
 * Which of a step's frames the next idea goes to (a SWOT's strengths or weaknesses), as large
 * radio buttons named by the frames' titles: on the phone and in the private composer alike.
 * Nothing to choose (one frame or none): nothing shown.
 */
export function FrameChoice({
  frames,
  value,
  onChange,
}: {
  frames: readonly ItemSnapshot[]
  value: string | null
  onChange: (frameId: string) => void
}) {
  const { t } = useTranslation()
  if (frames.length < 2) return null
  return (
    <fieldset className="frame-choice" data-testid="frame-choice">
      <legend className="frame-choice-legend">{t('facilitation.frameChoice')}</legend>
      {frames.map((frame) => (
        <label key={frame.id} className="frame-choice-option">
          <input
            type="radio"
            className="frame-choice-radio"
            name="frame-choice"
            value={frame.id}
            checked={frame.id === value}
            onChange={() => onChange(frame.id)}
          />
          <span>{frame.text?.trim() || t('voting.unnamedItem')}</span>
        </label>
      ))}
    </fieldset>
  )
}
